using System.Security.Cryptography;
using System.Text;

namespace DoanKhoi;

/// <summary>The ids of the demo data set's clusters, units and members, the same in every service and on every
/// machine, so the demo accounts (identity) can hold posts on the demo units (membership). Demo only.</summary>
public static class DemoIds
{
    public const string FirstClusterCode = "CUM-01";
    public const string FirstUnitCode = "DTN-VPTU";   // Đoàn Thanh niên Văn phòng Tỉnh ủy, in CUM-01

    /// <summary>The demo member (account <c>doanvien</c>), a member of <see cref="FirstUnitCode"/>.</summary>
    public static readonly Guid DemoMember = Of("member/doanvien");

    public static Guid Of(string code)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("doankhoi-demo/" + code));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: a name-based id of our own
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
