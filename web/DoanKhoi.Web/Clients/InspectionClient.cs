using DoanKhoi.Web.Infrastructure;

namespace DoanKhoi.Web.Clients;

/// <summary>The inspection service through the gateway (its pages come with the inspection issue; today its audit trail).</summary>
public sealed class InspectionClient(HttpClient http, PortalSession session) : GatewayClient(http, session, "inspection");
