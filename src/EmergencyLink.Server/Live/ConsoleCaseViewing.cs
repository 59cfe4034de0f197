using EmergencyLink.Consoles.Live;
using EmergencyLink.Grains.Live;

namespace EmergencyLink.Server.Live;

public sealed class ConsoleCaseViewing(LiveFanout fanout) : ICaseViewing
{
    public Task<IDisposable> ViewAsync(string caseId) => fanout.ViewAsync(caseId);
}
