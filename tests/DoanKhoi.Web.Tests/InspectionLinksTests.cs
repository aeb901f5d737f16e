using DoanKhoi.Web.Clients;

namespace DoanKhoi.Web.Tests;

/// <summary>The inspection pages' downloads go through the portal's file proxy with the filters the page shows.</summary>
public class InspectionLinksTests
{
    [Fact]
    public void The_inspections_download_is_of_the_year_shown() =>
        Assert.Equal("/files/inspection/inspections/export?year=2026&format=xlsx", InspectionClient.InspectionsExportHref(2026, "xlsx"));

    [Fact]
    public void The_recommendations_download_keeps_the_boards_filters()
    {
        var unit = Guid.NewGuid();

        Assert.Equal($"/files/inspection/recommendations/export?todo=true&overdue=true&unitId={unit}&format=xlsx",
            InspectionClient.RecommendationsExportHref(todo: true, overdue: true, unit, "xlsx"));
        Assert.Equal("/files/inspection/recommendations/export?format=csv", InspectionClient.RecommendationsExportHref(todo: false, overdue: false, null, "csv"));
    }
}
