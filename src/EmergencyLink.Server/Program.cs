using EmergencyLink.Server.Endpoints;
using EmergencyLink.Server.Hosting;
using EmergencyLink.Server.Hubs;

var builder = WebApplication.CreateBuilder(args);
var storagePath = builder.ResolveStoragePath();
builder.AddEmergencyLinkSilo(storagePath);
builder.AddEmergencyLinkAuth(storagePath);
builder.AddEmergencyLinkApi();
builder.AddEhrPush(storagePath);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapHealthEndpoints();
app.MapIncidentEndpoints();
app.MapAmbulanceEndpoints();
app.MapHospitalEndpoints();
app.MapRoutingEndpoints();
app.MapCoverageEndpoints();
app.MapTelemetryEndpoints();
app.MapAlertEndpoints();
app.MapAssessmentEndpoints();
app.MapEhrEndpoints();
app.MapHub<DispatchHub>(DispatchHub.Path);
app.MapHub<HospitalHub>(HospitalHub.Path);
app.MapHub<VehicleHub>(VehicleHub.Path);

app.Logger.LogInformation("EmergencyLink storage: {StoragePath}", storagePath);
app.Run();
