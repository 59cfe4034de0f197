namespace EmergencyLink.Ehr;

/// <summary>How a document is handed to the receiving FHIR server.</summary>
public enum EhrMode
{
    /// <summary>POST <c>{base}/Bundle</c> with the document Bundle itself.</summary>
    Document,

    /// <summary>
    /// POST <c>{base}</c> with a transaction Bundle whose one entry POSTs the document to <c>Bundle</c> (with
    /// <c>ifNoneExist</c> on its identifier), for servers that take writes only as transactions.
    /// </summary>
    Transaction,
}
