using EmergencyLink.Contracts;
using EmergencyLink.Handover;
using Hl7.Fhir.Model;

namespace EmergencyLink.Server.Handovers;

/// <summary>The current handover document of a case, built from what is committed and archived now.</summary>
public sealed class HandoverDocuments(HandoverAssembler assembler)
{
    public async Task<Bundle> CurrentAsync(IncidentSnapshot incident) =>
        HandoverDocumentBuilder.Build(await assembler.AssembleAsync(incident));
}
