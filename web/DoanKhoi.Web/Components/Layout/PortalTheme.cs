using MudBlazor;

namespace DoanKhoi.Web.Components.Layout;

/// <summary>The Union's blue, and the fonts the device already has: nothing is fetched from a font CDN
/// that an office network may not reach.</summary>
public static class PortalTheme
{
    private static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#0b3d91", Secondary = "#c62828", AppbarBackground = "#0b3d91" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = SystemFonts } },
    };
}
