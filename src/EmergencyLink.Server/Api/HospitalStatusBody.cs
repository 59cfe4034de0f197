namespace EmergencyLink.Server.Api;

public sealed record HospitalStatusBody(bool? Diversion, int? EdBedsFree);
