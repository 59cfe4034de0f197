using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmergencyLink.Server.Hosting;

/// <summary>Tells OpenAPI clients that every operation takes a JWT bearer token (all but /healthz and /readyz need one).</summary>
public sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Development tokens: dotnet run --project tools/EmergencyLink.Cli -- token --role dispatcher",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
