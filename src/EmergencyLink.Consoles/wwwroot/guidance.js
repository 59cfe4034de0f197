// Tele-guidance drawing on the ED board: a tap marks a point, a drag draws a line (or an arrow, with that tool) on the
// frame under the pointer. Points are normalised to the frame's picture (0..1 from its top left), so they land on the
// same spot on the crew's screen whatever the two screens' sizes; the frame's channel and sequence are read from the
// element the clinician actually saw when the stroke began, not from the server's idea of the latest frame.
const MAX_POINTS = 32;           // TeleGuidance.MaxPoints
const MIN_STEP = 0.01;           // a new stroke point every 1% of the frame, so a slow hand does not fill the 32

export function attach(root, dotnet) {
    let stroke = null;

    function at(view, e) {
        const box = view.getBoundingClientRect();
        const clamp = v => Math.min(1, Math.max(0, v));
        return { x: clamp((e.clientX - box.left) / box.width), y: clamp((e.clientY - box.top) / box.height) };
    }

    function ink(view) {
        const svg = view.querySelector('svg');
        const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
        line.setAttribute('class', 'ink');
        line.setAttribute('fill', 'none');
        line.setAttribute('stroke', '#00e5ff');
        line.setAttribute('stroke-width', '2');
        svg?.appendChild(line);
        return { svg, line };
    }

    function down(e) {
        const view = e.target.closest?.('.frame-view[data-drawable=true]');
        if (!view || !root.contains(view)) return;
        const figure = view.closest('[data-sequence]');
        e.preventDefault();
        view.setPointerCapture?.(e.pointerId);
        const box = view.querySelector('svg')?.viewBox.baseVal;
        stroke = { view, figure, channel: figure.dataset.channel, sequence: Number(figure.dataset.sequence), tool: view.dataset.tool,
                   points: [at(view, e)], ink: ink(view), w: box?.width || 320, h: box?.height || 180 };
    }

    function move(e) {
        if (!stroke || stroke.tool === 'Point') return;
        const p = at(stroke.view, e);
        const last = stroke.points[stroke.points.length - 1];
        if (Math.hypot(p.x - last.x, p.y - last.y) < MIN_STEP) return;
        stroke.points.push(p);
        stroke.ink.line.setAttribute('points', stroke.points.map(q => `${q.x * stroke.w},${q.y * stroke.h}`).join(' '));
    }

    function up(e) {
        if (!stroke) return;
        const s = stroke;
        stroke = null;
        s.ink.line.remove();
        let points = s.points;
        let shape = s.tool === 'Arrow' ? 'Arrow' : 'Line';
        if (s.tool === 'Point' || points.length < 2) {
            shape = 'Point';
            points = [points[0]];
        } else if (points.length > MAX_POINTS) {
            // Keep the ends and an even spread between them.
            const step = (points.length - 1) / (MAX_POINTS - 1);
            points = Array.from({ length: MAX_POINTS }, (_, i) => points[Math.round(i * step)]);
        }
        dotnet.invokeMethodAsync('DrawAsync', s.channel, s.sequence, shape, points.flatMap(p => [p.x, p.y]));
    }

    root.addEventListener('pointerdown', down);
    root.addEventListener('pointermove', move);
    root.addEventListener('pointerup', up);
    root.addEventListener('pointercancel', () => { stroke?.ink.line.remove(); stroke = null; });
    return {
        detach() {
            root.removeEventListener('pointerdown', down);
            root.removeEventListener('pointermove', move);
            root.removeEventListener('pointerup', up);
        },
    };
}
