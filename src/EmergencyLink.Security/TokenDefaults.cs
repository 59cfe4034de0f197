namespace EmergencyLink.Security;

public static class TokenDefaults
{
    public const string Issuer = "emergencylink";
    public const string Audience = "emergencylink-api";
}
