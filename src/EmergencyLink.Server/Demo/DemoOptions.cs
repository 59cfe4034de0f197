namespace EmergencyLink.Server.Demo;

/// <summary>
/// Demo mode (section <c>Demo</c>): a simulated call-taker, dispatcher, crews and EDs that make the system live. On in
/// <c>appsettings.Development.json</c> (the README's run command), off otherwise and in tests unless a test turns it on.
/// The real rates behind the defaults are in <c>EmergencyLink.Domain.Demo.DemoCallMix</c>.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>
    /// Mean calls an hour. The demo region would really get about 1.8 (1.2 per 100,000 people an hour, for about
    /// 150,000 people); 60 is about 33 times that, so a newcomer sees a call a minute (gaps are random, mostly 20–120 s).
    /// </summary>
    public double CallsPerHour { get; set; } = 60;

    /// <summary>Scale the rate by the real hour-of-day curve in the region's time zone (quieter at night).</summary>
    public bool FollowTimeOfDay { get; set; }

    /// <summary>Calls arriving while this many demo cases are open are not placed: the demo stays a handful of cases (2 cores).</summary>
    public int MaxActiveCases { get; set; } = 4;

    /// <summary>Speeds the demo's clock up: waits are shorter, units drive faster and calls come more often by this factor.</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Seed for the calls and patients; empty: a new demo every start.</summary>
    public int? Seed { get; set; }

    public TimeSpan FirstCallAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Call to assignment; San Francisco's median received → dispatched for ambulances is 2.0 min, shortened for the demo.</summary>
    public TimeSpan DispatchDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Assignment to rolling (turn-out).</summary>
    public TimeSpan TurnOut { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>On scene before transport or release; San Francisco's median is 16.8 min, shortened for the demo.</summary>
    public TimeSpan OnScene { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Arrival at hospital to the ED's transfer of care.</summary>
    public TimeSpan HandoverAfter { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>The synthetic monitor's ECG rate, as the real 12-lead monitors stream it.</summary>
    public int EcgRateHz { get; set; } = 500;

    /// <summary>
    /// The synthetic point-of-care ultrasound each monitored patient streams on channel <c>ultrasound</c>, for the ED's
    /// tele-guidance: a real 320×180 JPEG picture, this many kilobits a second (0: no ultrasound). Modest on purpose:
    /// it is archived like every frame, and a demo left running should not fill the disk.
    /// </summary>
    public int UltrasoundKbps { get; set; } = 96;

    /// <summary>Ultrasound frames a second: a few are enough to point at, and each is a whole picture.</summary>
    public int UltrasoundFps { get; set; } = 2;
}
