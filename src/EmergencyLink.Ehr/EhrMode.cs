namespace EmergencyLink.Ehr;

/// <summary>How a document is handed to the receiving FHIR server.</summary>
public enum EhrMode
{
    /// <summary>POST <c>{base}/Bundle</c> with the document Bundle itself.</summary>
    Document,

    /// <summary>
    /// POST <c>{base}</c> with a transaction Bundle wrapping the document. Not implemented yet: it is to be built with
    /// Hl7.Fhir.R4, which comes with the handover library; until then configuring it fails at start-up.
    /// </summary>
    Transaction,
}
