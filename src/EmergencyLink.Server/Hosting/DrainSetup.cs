using EmergencyLink.Server.Endpoints;

namespace EmergencyLink.Server.Hosting;

/// <summary>
/// A stopping node turns new requests away so that clients go to another node at once.
/// </summary>
/// <remarks>
/// Between the host's stopping signal and Kestrel closing its listener, Kestrel still accepts requests. SignalR closes
/// the connections it holds when stopping is signalled, and a vehicle gateway or a screen reconnects at once, often to
/// the same node. A connection opened then is never closed by SignalR, so Kestrel waited for it until the host's
/// shutdown timeout (30 s), and the silo then had no time left to hand its grains over gracefully. A 503 here makes the
/// client try its next node (the gateway's failover list, a load balancer's next backend), and the stop takes well
/// under a second. Liveness still answers: the process is alive, it is only leaving.
/// </remarks>
public static class DrainSetup
{
    public static IApplicationBuilder UseDrainingOnStop(this IApplicationBuilder app)
    {
        var stopping = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return app.Use(async (context, next) =>
        {
            if (!stopping.IsCancellationRequested || context.Request.Path.StartsWithSegments(HealthEndpoints.LivePath))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            context.Response.Headers.Connection = "close";
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Node stopping",
                    Detail = "This node is shutting down; send the request to another node of the cluster.",
                },
            });
        });
    }
}
