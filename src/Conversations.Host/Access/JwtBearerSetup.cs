using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Access;

/// <summary>Configures JWT bearer validation from <see cref="JwtAccessOptions"/> (validated options, read when first used).</summary>
internal sealed class JwtBearerSetup(IOptions<OperatorAccessOptions> access) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme) return;
        var jwt = access.Value.Jwt;
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        if (!string.IsNullOrWhiteSpace(jwt.Authority)) options.Authority = jwt.Authority;
        options.Audience = jwt.Audience;
        options.TokenValidationParameters.ValidAudience = jwt.Audience;
        if (!string.IsNullOrWhiteSpace(jwt.Issuer)) options.TokenValidationParameters.ValidIssuer = jwt.Issuer;
        if (!string.IsNullOrWhiteSpace(jwt.SigningKeyPem) && JwtSigningKey.TryCreate(jwt.SigningKeyPem, out var key))
            options.TokenValidationParameters.IssuerSigningKey = key;
        options.TokenValidationParameters.ValidateLifetime = true;
        options.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                context.Principal = JwtScopeClaims.Map(context.Principal!, jwt);
                return Task.CompletedTask;
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
