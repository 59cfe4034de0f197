using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace EmergencyLink.Server.Api;

/// <summary>
/// Turns the framework's request errors (malformed JSON, wrong content type, unreadable route values) into
/// ProblemDetails that say what was wrong. Without it they are bare 400s, and anything else unexpected must be
/// a 500 that reveals nothing.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var detail = bad.InnerException is JsonException json
            ? $"The body is not valid JSON for this request: {json.Message}"
            : bad.Message;
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type" : "Bad request",
                Detail = detail,
            },
        });
    }
}
