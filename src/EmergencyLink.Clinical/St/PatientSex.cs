namespace EmergencyLink.Clinical.St;

public enum PatientSex
{
    Unknown,
    Male,
    Female,
}
