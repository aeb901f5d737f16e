using QRCoder;

namespace DoanKhoi.Web.Infrastructure;

/// <summary>A QR code as an image the page shows inline: what a phone's camera opens.</summary>
public static class QrCode
{
    public static string PngDataUri(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
    }
}
