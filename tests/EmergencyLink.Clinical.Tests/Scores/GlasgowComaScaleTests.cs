using EmergencyLink.Clinical.Scores;

namespace EmergencyLink.Clinical.Tests.Scores;

public sealed class GlasgowComaScaleTests
{
    [Theory]
    [InlineData(4, 5, 6, 15, "E4V5M6")]
    [InlineData(3, 4, 6, 13, "E3V4M6")]
    [InlineData(1, 1, 1, 3, "E1V1M1")]
    [InlineData(2, 3, 5, 10, "E2V3M5")]
    public void Total_is_the_sum_of_the_components_with_conventional_notation(int eye, int verbal, int motor,
        int total, string notation)
    {
        var gcs = new GlasgowComaScale(eye, verbal, motor);

        Assert.Equal(total, gcs.Total);
        Assert.Equal(notation, gcs.Notation);
        Assert.Equal($"GCS {total} ({notation})", gcs.Summary);
        Assert.True(gcs.IsFullyTestable);
    }

    [Fact]
    public void Intubated_patient_has_verbal_not_testable_and_no_total()
    {
        var gcs = new GlasgowComaScale(3, null, 5);

        Assert.Null(gcs.Total);
        Assert.False(gcs.IsFullyTestable);
        Assert.Equal("E3VNTM5", gcs.Notation);
        Assert.Equal("GCS not totalled: verbal not testable (E3VNTM5)", gcs.Summary);
        Assert.Equal(5, gcs.Motor);
    }

    [Theory]
    [InlineData(0, 5, 6, "eye")]
    [InlineData(5, 5, 6, "eye")]
    [InlineData(4, 0, 6, "verbal")]
    [InlineData(4, 6, 6, "verbal")]
    [InlineData(4, 5, 0, "motor")]
    [InlineData(4, 5, 7, "motor")]
    [InlineData(-1, 5, 6, "eye")]
    public void Component_outside_its_range_is_rejected_naming_the_component(int eye, int verbal, int motor,
        string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GlasgowComaScale(eye, verbal, motor));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("not a GCS score", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, "obeys commands")]
    [InlineData(3, "abnormal flexion")]
    [InlineData(1, "none")]
    public void Motor_descriptor_follows_teasdale_2014(int motor, string descriptor)
    {
        Assert.Equal(descriptor, GlasgowComaScale.DescribeMotor(motor));
    }
}
