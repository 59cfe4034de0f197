// Pan and zoom for the dispatcher's SVG map, and map clicks turned into map metres for .NET.
// Blazor renders the map's content; this module only moves the viewBox, which Blazor never re-renders
// (its value never changes on the server side), so the two never fight over the DOM.
export function attach(svg, dotnet) {
    const base = svg.viewBox.baseVal;
    const initial = { x: base.x, y: base.y, w: base.width, h: base.height };
    let view = { ...initial };
    let drag = null;

    const apply = () => svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
    const toMap = (e) => {
        const point = svg.createSVGPoint();
        point.x = e.clientX;
        point.y = e.clientY;
        return point.matrixTransform(svg.getScreenCTM().inverse());
    };

    const onWheel = (e) => {
        e.preventDefault();
        const p = toMap(e);
        const factor = e.deltaY < 0 ? 0.8 : 1.25;
        const w = Math.min(initial.w * 1.5, Math.max(initial.w / 30, view.w * factor));
        const f = w / view.w;
        view = { x: p.x - (p.x - view.x) * f, y: p.y - (p.y - view.y) * f, w, h: view.h * f };
        apply();
    };
    const onDown = (e) => {
        drag = { x: e.clientX, y: e.clientY, moved: false, view: { ...view } };
    };
    const onMove = (e) => {
        if (!drag) return;
        const dx = e.clientX - drag.x;
        const dy = e.clientY - drag.y;
        if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 5) return;
        drag.moved = true;
        const ctm = svg.getScreenCTM();
        view = { ...drag.view, x: drag.view.x - dx / ctm.a, y: drag.view.y - dy / ctm.d };
        apply();
    };
    const onUp = (e) => {
        const d = drag;
        drag = null;
        // A drag pans; a click on an incident selects it (Blazor handles that); any other click places a new incident.
        if (!d || d.moved || e.button !== 0 || e.target.closest('.incident')) return;
        const p = toMap(e);
        dotnet.invokeMethodAsync('MapClickedAsync', p.x, p.y);
    };

    svg.addEventListener('wheel', onWheel, { passive: false });
    svg.addEventListener('pointerdown', onDown);
    svg.addEventListener('pointermove', onMove);
    svg.addEventListener('pointerup', onUp);
    svg.addEventListener('pointerleave', () => { drag = null; });

    return {
        reset() { view = { ...initial }; apply(); },
        detach() {
            svg.removeEventListener('wheel', onWheel);
            svg.removeEventListener('pointerdown', onDown);
            svg.removeEventListener('pointermove', onMove);
            svg.removeEventListener('pointerup', onUp);
        },
    };
}
