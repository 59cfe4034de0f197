using EmergencyLink.Server.Demo;
using EmergencyLink.Server.Endpoints;
using EmergencyLink.Server.Fhir;
using EmergencyLink.Server.Hosting;
using EmergencyLink.Server.Hubs;

var builder = WebApplication.CreateBuilder(args);
var storagePath = builder.ResolveStoragePath();
builder.AddEmergencyLinkSilo(storagePath);
builder.AddEmergencyLinkAuth(storagePath);
builder.AddEhrPush(storagePath);
builder.AddEmergencyLinkApi();
builder.AddEmergencyLinkHandover();
builder.AddEmergencyLinkDemo();

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
app.MapEhrEndpoints();
app.MapRoutingEndpoints();
app.MapCoverageEndpoints();
app.MapTelemetryEndpoints();
app.MapAlertEndpoints();
app.MapAssessmentEndpoints();
app.MapDocumentationEndpoints();
app.MapFhirEndpoints();
app.MapPreAlertEndpoints();
app.MapHub<DispatchHub>(DispatchHub.Path);
app.MapHub<HospitalHub>(HospitalHub.Path);
app.MapHub<VehicleHub>(VehicleHub.Path);

app.Logger.LogInformation("EmergencyLink storage: {StoragePath}", storagePath);
app.Run();
