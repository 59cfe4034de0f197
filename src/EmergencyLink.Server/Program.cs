using EmergencyLink.Consoles.Hosting;
using EmergencyLink.Server.Auth;
using EmergencyLink.Server.Demo;
using EmergencyLink.Server.Endpoints;
using EmergencyLink.Server.Fhir;
using EmergencyLink.Server.Hosting;
using EmergencyLink.Server.Hubs;
using EmergencyLink.Server.Seeding;

var builder = WebApplication.CreateBuilder(args);
var storagePath = builder.ResolveStoragePath();
builder.AddEmergencyLinkSilo(storagePath);
builder.AddEmergencyLinkAuth(storagePath);
builder.AddEhrPush(storagePath);
builder.AddEmergencyLinkApi();
builder.AddEmergencyLinkHandover();
builder.AddEmergencyLinkConsoles<ConsoleScope>(sp => sp.GetRequiredService<RegionCatalog>().Map);
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
app.MapMessageEndpoints();
app.MapGuidanceEndpoints();
app.MapHub<DispatchHub>(DispatchHub.Path);
app.MapHub<HospitalHub>(HospitalHub.Path);
app.MapHub<VehicleHub>(VehicleHub.Path);
app.MapHub<CrewHub>(CrewHub.Path);
app.MapEmergencyLinkConsoles();

app.Logger.LogInformation("EmergencyLink storage: {StoragePath}", storagePath);
app.Run();
