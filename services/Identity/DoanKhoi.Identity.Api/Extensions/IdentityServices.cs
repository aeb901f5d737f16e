using DoanKhoi.Identity.Domain;
using DoanKhoi.Identity.Infrastructure;
using DoanKhoi.Messaging;
using DoanKhoi.Organisation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace DoanKhoi.Identity.Extensions;

/// <summary>Section "Identity" of the identity service.</summary>
public sealed class IdentityServiceOptions
{
    /// <summary>The public address of this service, as tokens name it (through the gateway).</summary>
    public string? Issuer { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The first bloc-office account, created on the first start from the operator's password.</summary>
    public FirstAccountOptions BlocOffice { get; set; } = new();

    /// <summary>Where the web front-end may receive authorization codes.</summary>
    public List<string> WebRedirectUris { get; set; } = [];

    /// <summary>Where the web front-end may send a person back to after signing out.</summary>
    public List<string> WebPostLogoutRedirectUris { get; set; } = [];

    /// <summary>How many days after the day it is issued a member's one-time code still works (to the end of
    /// that day, Vietnam time): 1 to 30.</summary>
    public int MemberCodeValidDays { get; set; } = 7;

    /// <summary>Other systems (client credentials), by client id.</summary>
    public Dictionary<string, SystemClientOptions> Clients { get; set; } = [];
}

public sealed class FirstAccountOptions
{
    public string UserName { get; set; } = "vanphong";
    public string DisplayName { get; set; } = "Văn phòng Đoàn Khối";
    public string? Password { get; set; }
}

public sealed class SystemClientOptions
{
    /// <summary>The length of OpenIddict's client id column.</summary>
    public const int ClientIdMaxLength = 100;

    public string? DisplayName { get; set; }
    public string? Secret { get; set; }

    /// <summary><c>doankhoi.read</c>, and <c>doankhoi.write</c> for a system that may change data.</summary>
    public List<string> Scopes { get; set; } = [DoanKhoi.Security.Scopes.Read];

    /// <summary>Where the system reads and writes, e.g. <c>bloc-office@bloc</c>.</summary>
    public List<string> Posts { get; set; } = [];
}

public static class IdentityServices
{
    public const string ServiceName = "identity";
    public const string DatabaseName = ResourceNames.IdentityDb;

    public const string SignInPath = "/account/signin";
    public const string FirstSignInPath = "/account/first-signin";

    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AccountsDbContext>(DatabaseName);
        builder.AddMessaging<AccountsDbContext>(ServiceName, bus =>
        {
            bus.AddOrganisationCopy<AccountsDbContext>(ServiceName);
            bus.AddMemberCopy<AccountsDbContext>(ServiceName);
            bus.AddConsumer<Consumers.RequestRefusedConsumer>();
        });
        var section = builder.Configuration.GetSection("Identity");
        builder.Services.AddOptions<IdentityServiceOptions>().Bind(section)
            .Validate(o => o.MemberCodeValidDays is >= 1 and <= 30, "Identity:MemberCodeValidDays is the number of days a member's one-time code works: 1 to 30.")
            .ValidateOnStart();
        builder.Services.AddOptions<DemoAccountsOptions>().BindConfiguration("Demo");
        var issuer = section["Issuer"] ?? throw new InvalidOperationException(
            "The public address of the identity service is not set (Identity:Issuer): the AppHost sets it to the gateway's /api/identity/.");

        builder.Services.AddDataProtection().SetApplicationName("doankhoi-identity").PersistKeysToDbContext<AccountsDbContext>();
        builder.Services.AddIdentityCore<Account>(o =>
            {
                // Passphrases rather than symbol rules: long, and at least one letter and one digit.
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789.-_@";
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddDefaultTokenProviders();

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "doankhoi.signin";
            o.LoginPath = SignInPath;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        // The security stamp is checked on every visit with the cookie, so "sign out everywhere" ends it at once.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "doankhoi.antiforgery");

        builder.Services.AddSingleton(VietnameseProblems.Catalogue);
        builder.Services.AddScoped<IMembersChanged<AccountsDbContext>, Consumers.MemberPostsWithdrawal>();
        builder.Services.AddSingleton<ServerKeyRing>();
        builder.Services.AddHostedService<ServerKeyLoader>();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<OpenIddictServerOptions>, ServerKeyOptions>();
        builder.Services.AddHostedService<FirstAccounts>();
        builder.Services.AddHostedService<TokenPruner>();

        var lifetimes = section.Get<IdentityServiceOptions>() ?? new IdentityServiceOptions();
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AccountsDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(o =>
            {
                o.SetIssuer(new Uri(issuer, UriKind.Absolute));
                o.SetAuthorizationEndpointUris("connect/authorize")
                 .SetTokenEndpointUris("connect/token")
                 .SetRevocationEndpointUris("connect/revoke")
                 .SetEndSessionEndpointUris("connect/signout");
                // PKCE with S256 only: "plain" would hand the verifier to whoever sees the request.
                o.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                 .AllowClientCredentialsFlow()
                 .AllowRefreshTokenFlow();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, DoanKhoi.Security.Scopes.Read, DoanKhoi.Security.Scopes.Write);
                o.SetAccessTokenLifetime(lifetimes.AccessTokenLifetime).SetRefreshTokenLifetime(lifetimes.RefreshTokenLifetime);
                // Every service checks the access tokens itself, from the published keys: plain signed JWTs.
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore()
                 .EnableAuthorizationEndpointPassthrough()
                 .EnableTokenEndpointPassthrough()
                 .EnableEndSessionEndpointPassthrough()
                 // TLS ends before the gateway in a deployment; inside, plain HTTP on loopback.
                 .DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.AddAudiences(DoanKhoi.Security.Scopes.Audience);
                o.UseAspNetCore();
            });

        builder.AddAccessPolicies();
        return builder;
    }
}
