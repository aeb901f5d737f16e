using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace DoanKhoi.Identity.Apis;

/// <summary>The printable page of newly issued member accounts (Phiếu tài khoản đoàn viên): one slip per
/// member, cut along the dashes and handed out; no slip breaks across pages.</summary>
public static class MemberSlips
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(MemberAccountsIssued issued)
    {
        string E(string? s) => Html.Encode(s ?? "");
        var slips = new StringBuilder();
        foreach (var a in issued.Accounts)
        {
            slips.Append($"""
                  <section class="slip">
                    <h2>Tài khoản DoanKhoi của đoàn viên</h2>
                    <dl>
                      <dt>Họ và tên</dt><dd class="name">{E(a.FullName)}</dd>
                      <dt>Tên đăng nhập</dt><dd class="user">{E(a.UserName)}</dd>
                      <dt>Mã một lần</dt><dd class="code">{E(a.Code)}</dd>
                      <dt>Dùng được đến hết ngày</dt><dd class="expires">{E(a.ExpiresOn)}</dd>
                    </dl>
                    <p>Đăng nhập tại <strong>{E(issued.SignInAddress)}</strong>: nhập tên đăng nhập và mã một lần vào ô mật khẩu,
                    rồi tự chọn mật khẩu của mình (ít nhất 10 ký tự, có chữ thường và chữ số). Mã chỉ dùng được một lần; không đưa mã cho người khác.</p>
                  </section>

                """);
        }
        return $$"""
            <!doctype html>
            <html lang="vi">
            <head>
              <meta charset="utf-8">
              <title>Phiếu tài khoản đoàn viên - DoanKhoi</title>
              <style>
                body { font-family: system-ui, sans-serif; margin: 1cm; color: #000; }
                h1 { font-size: 1.2rem; }
                .slip { border: 1px dashed #555; padding: .6cm; margin-bottom: .5cm; page-break-inside: avoid; break-inside: avoid; }
                .slip h2 { font-size: 1rem; margin: 0 0 .3cm; color: #0b3d91; }
                dl { display: grid; grid-template-columns: 12em 1fr; gap: .15cm .4cm; margin: 0; }
                dt { color: #333; } dd { margin: 0; font-weight: 600; }
                .code { font-family: ui-monospace, monospace; font-size: 1.3rem; letter-spacing: .15em; }
                p { font-size: .85rem; margin: .3cm 0 0; }
                @media print { body { margin: 0; } .noprint { display: none; } }
              </style>
            </head>
            <body>
              <h1 class="noprint">Phiếu tài khoản đoàn viên ({{issued.Accounts.Count}} phiếu): in ngay, mã không xem lại được.</h1>
            {{slips}}</body>
            </html>
            """;
    }
}
