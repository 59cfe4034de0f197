namespace EmergencyLink.Clinical.Scores;

/// <summary>Prehospital large-vessel-occlusion scales the crew can enter.</summary>
public enum LvoScale
{
    /// <summary>Rapid Arterial oCclusion Evaluation (Pérez de la Ossa 2014).</summary>
    Race,

    /// <summary>Los Angeles Motor Scale (Llanes 2004; LVO threshold Nazliel 2008).</summary>
    Lams,
}
