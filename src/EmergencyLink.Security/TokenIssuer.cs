using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyLink.Security;

/// <summary>Signs HS256 tokens with the development key; used by the CLI and by tests.</summary>
public sealed class TokenIssuer(SecurityKey key, TimeProvider time)
{
    public string Issue(TokenRequest request, TimeSpan lifetime)
    {
        if (request.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, request.Name),
            new(ClaimNames.Name, request.Name),
            new(ClaimNames.Role, request.Role),
        };
        if (request.Vehicle is { } vehicle)
        {
            claims.Add(new Claim(ClaimNames.Vehicle, vehicle));
        }

        if (request.Hospital is { } hospital)
        {
            claims.Add(new Claim(ClaimNames.Hospital, hospital));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = TokenDefaults.Issuer,
            Audience = TokenDefaults.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
