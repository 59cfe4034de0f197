using Microsoft.AspNetCore.Diagnostics;
using Orleans.Storage;

namespace EmergencyLink.Server.Api;

/// <summary>
/// A write that lost an ETag race: in a cluster, two activations of one grain can briefly coexist while membership
/// settles, and the storage lets only one of them write. The grain that lost has already deactivated (it reloads on
/// the next call) and kept nothing of the request, so the client is told so with a 409, not a 500, and may retry.
/// </summary>
public sealed class ConcurrencyConflictExceptionHandler(IProblemDetailsService problems, ILogger<ConcurrencyConflictExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (Conflict(exception) is not { } conflict)
        {
            return false;
        }

        logger.LogWarning(conflict, "A write to {Path} lost a concurrent-update race and was refused", context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Changed at the same moment",
                Detail = "Another change to this record was saved at the same moment, so nothing of this request was kept. "
                    + "Read it again and retry if the request still makes sense.",
            },
        });
    }

    private static InconsistentStateException? Conflict(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is InconsistentStateException conflict)
            {
                return conflict;
            }
        }

        return null;
    }
}
