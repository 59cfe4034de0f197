using System.Net;

namespace EmergencyLink.LinkEmulator;

/// <summary>What the command line asked for: where to listen, where to forward, and how to shape.</summary>
public sealed record EmulatorArguments(IPEndPoint Listen, IPEndPoint Upstream, string Profile, LinkOptions Link, bool Stats);
