// The ED board's 12-lead ECG: every sample drawn (no decimation), on a paper grid at 25 mm/s and 10 mm/mV, sweeping
// left to right like a monitor. The server pushes batches of millivolts (about 200 ms of them); drawing follows the
// browser's frames, so a busy circuit delays the trace but never drops samples.
const PX_PER_MM = 4;             // 1 mm of paper on the canvas
const MM_PER_SECOND = 25;
const MM_PER_MV = 10;
const ROWS = 6, COLUMNS = 2;     // I–aVF on the left, V1–V6 on the right
const LEADS = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];
const LABEL = 28;                // px left of each column for the lead name

export function attach(canvas) {
    const ctx = canvas.getContext('2d');
    const columnWidth = (canvas.width - COLUMNS * LABEL) / COLUMNS;
    const rowHeight = canvas.height / ROWS;
    const seconds = columnWidth / PX_PER_MM / MM_PER_SECOND;
    let rate = 500;
    let buffers = null;          // per lead, a ring of the last `seconds` of samples
    let written = 0;             // samples written per lead since attach
    let dirty = true;
    let frame = 0;

    function ensure(sampleRate) {
        if (buffers && rate === sampleRate) return;
        rate = sampleRate;
        buffers = LEADS.map(() => new Float32Array(Math.round(seconds * rate)).fill(NaN));
        written = 0;
    }

    function grid() {
        ctx.fillStyle = '#fff7f5';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        for (let x = 0; x <= canvas.width; x += PX_PER_MM) {
            ctx.strokeStyle = (x / PX_PER_MM) % 5 === 0 ? '#f0a8a0' : '#fbdcd6';
            ctx.beginPath(); ctx.moveTo(x + .5, 0); ctx.lineTo(x + .5, canvas.height); ctx.stroke();
        }
        for (let y = 0; y <= canvas.height; y += PX_PER_MM) {
            ctx.strokeStyle = (y / PX_PER_MM) % 5 === 0 ? '#f0a8a0' : '#fbdcd6';
            ctx.beginPath(); ctx.moveTo(0, y + .5); ctx.lineTo(canvas.width, y + .5); ctx.stroke();
        }
    }

    function draw() {
        frame = 0;
        if (!dirty) return;
        dirty = false;
        grid();
        ctx.font = '12px "DejaVu Sans", sans-serif';
        const pxPerSample = (PX_PER_MM * MM_PER_SECOND) / rate;
        const cursor = buffers ? written % buffers[0].length : 0;
        for (let lead = 0; lead < LEADS.length; lead++) {
            const column = Math.floor(lead / ROWS), row = lead % ROWS;
            const left = column * (columnWidth + LABEL);
            const baseline = row * rowHeight + rowHeight / 2;
            ctx.fillStyle = '#333';
            ctx.fillText(LEADS[lead], left + 2, baseline - 6);
            if (!buffers) continue;
            const samples = buffers[lead];
            ctx.strokeStyle = '#111';
            ctx.lineWidth = 1.2;
            ctx.beginPath();
            let pen = false;
            for (let i = 0; i < samples.length; i++) {
                const mv = samples[i];
                // A gap just ahead of the sweep separates the newest trace from the oldest, as on a monitor.
                const ahead = (i - cursor + samples.length) % samples.length;
                if (Number.isNaN(mv) || ahead < rate * 0.04) { pen = false; continue; }
                const x = left + LABEL + i * pxPerSample;
                const y = baseline - Math.max(-2.2, Math.min(2.2, mv)) * MM_PER_MV * PX_PER_MM;
                if (pen) ctx.lineTo(x, y); else { ctx.moveTo(x, y); pen = true; }
            }
            ctx.stroke();
        }
    }

    function schedule() {
        dirty = true;
        if (!frame) frame = requestAnimationFrame(draw);
    }

    schedule();
    return {
        // leads[l][i] in millivolts at sampleRate; every lead of a batch has the same length.
        push(sampleRate, leads) {
            ensure(sampleRate);
            const length = buffers[0].length;
            const count = leads.length ? leads[0].length : 0;
            for (let l = 0; l < Math.min(leads.length, buffers.length); l++) {
                for (let i = 0; i < count; i++) buffers[l][(written + i) % length] = leads[l][i];
            }
            written += count;
            canvas.dataset.samples = String(written);
            schedule();
        },
        detach() {
            if (frame) cancelAnimationFrame(frame);
            frame = 0;
            buffers = null;
        },
    };
}
