// The ED board's audible alarm, made with Web Audio (no sound files): a two-tone chime every few seconds while a
// pre-alert or an alert waits for the ED, faster and higher once the pre-alert has escalated. Browsers start audio only
// after the user has touched the page, so the first tap or key on the board wakes it; until then the chime is counted
// as due but not heard (window.edAlarm says which).
let context = null;
let timer = 0;
const counts = { due: 0, played: 0, mode: 'off' };
window.edAlarm = counts;

function wake() {
    try {
        context ??= new AudioContext();
        if (context.state === 'suspended') context.resume();
    } catch { /* no audio on this machine: the board still shows the alarm */ }
}
document.addEventListener('pointerdown', wake, { capture: true });
document.addEventListener('keydown', wake, { capture: true });

function chime(escalated) {
    counts.due++;
    wake();
    if (!context || context.state !== 'running') return;
    const now = context.currentTime;
    const tones = escalated ? [988, 740, 988] : [880, 660];
    tones.forEach((hz, i) => {
        const osc = context.createOscillator();
        const gain = context.createGain();
        osc.type = 'sine';
        osc.frequency.value = hz;
        const start = now + i * 0.18;
        gain.gain.setValueAtTime(0, start);
        gain.gain.linearRampToValueAtTime(0.25, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.001, start + 0.16);
        osc.connect(gain).connect(context.destination);
        osc.start(start);
        osc.stop(start + 0.17);
    });
    counts.played++;
}

// mode: 'off', 'muted', 'sounding' or 'escalated'.
export function set(mode) {
    counts.mode = mode;
    clearInterval(timer);
    timer = 0;
    if (mode !== 'sounding' && mode !== 'escalated') return;
    const escalated = mode === 'escalated';
    chime(escalated);
    timer = setInterval(() => chime(escalated), escalated ? 1500 : 5000);
}
