using MudBlazor;

namespace DoanKhoi.Web.Components.Layout;

/// <summary>The Union's blue, and the fonts the device already has: nothing is fetched from a font CDN
/// that an office network may not reach. Every colour that carries text reaches WCAG AA's 4.5:1 on the
/// portal's background (#f3f6fb) or under white text: MudBlazor's own warning, error, success and info
/// (and its grey labels) do not, so the accessibility audit of the browser tests would flag them.</summary>
public static class PortalTheme
{
    private static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b3d91", Secondary = "#c62828", AppbarBackground = "#0b3d91",
            Info = "#1565c0", Success = "#2e7d32", Warning = "#a84a00", Error = "#c62828",
            TextSecondary = "#545b66", ActionDefault = "#545b66",
        },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = SystemFonts } },
    };
}
