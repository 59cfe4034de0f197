using EmergencyLink.Clinical.Analysis;
using EmergencyLink.Clinical.St;

namespace EmergencyLink.Clinical.Tests.Analysis;

public sealed class PatientDetailsTests
{
    [Theory]
    [InlineData("Age: 78|Sex: Male|Dx: 426177001", PatientSex.Male, 78)]
    [InlineData("age: 81|sex: female|ECG date: 01/10/1990", PatientSex.Female, 81)]
    [InlineData("69 M 1085 1629 x1|Aldomet, Inderal", PatientSex.Male, 69)]
    [InlineData("unnecessary comment|69 M 1085 1629 x1", PatientSex.Male, 69)]
    [InlineData("23 F 1500 1500 x1", PatientSex.Female, 23)]
    [InlineData("Age: NaN|Sex: Unknown", PatientSex.Unknown, null)]
    [InlineData("Age: 250|Sex: F", PatientSex.Female, null)]
    [InlineData("non atrial fibrillation", PatientSex.Unknown, null)]
    [InlineData("", PatientSex.Unknown, null)]
    public void Reads_sex_and_age_from_the_header_comments_of_each_database(string comments, PatientSex sex, int? age)
    {
        var lines = comments.Length == 0 ? [] : comments.Split('|');

        var patient = PatientDetails.FromHeaderComments(lines);

        Assert.Equal(new PatientDetails(sex, age), patient);
    }
}
