namespace EmergencyLink.Clinical.St;

/// <summary>
/// QRS onset and J point as sample indices into a median beat. <see cref="OnsetFound"/> is false when no quiet
/// stretch precedes the QRS within the search range; <see cref="JPointClear"/> is false when activity never fell to
/// the offset threshold and the J point is the least active sample instead (e.g. an ST segment that rises straight
/// out of the QRS).
/// </summary>
internal readonly record struct QrsFiducials(int Onset, int JPoint, bool OnsetFound, bool JPointClear);
