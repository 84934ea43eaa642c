package org.concordia.node;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.concordia.problem.ErrorCode;
import org.concordia.store.NodeTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what on the user API. Deny by default: every endpoint is listed with its roles, anything
 * else is refused. Local accounts sign in with HTTP Basic (passwords stored as Argon2id hashes, RFC
 * 9106); a verified password is remembered for five minutes under a keyed hash, so a client that sends
 * its credentials with every request does not pay the memory-hard hash each time. When {@link
 * NodeSettings#jwt()} is set, the organisation's identity provider's access tokens are accepted too
 * ({@code Authorization: Bearer}, {@link BearerTokens}), their roles claim mapped to the same {@link
 * Roles}. Either way a missing or invalid credential is 401 and a role not allowed is 403, both as
 * problems with their code ({@code unauthenticated}, {@code forbidden}). The federation
 * endpoints ({@code /federation/**}) are not for users: they are checked by {@link FederationGuard}
 * (mutual TLS and signed requests) and answer only on the federation port.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    /** The endpoint table the tests walk: method, path pattern, roles allowed (empty = any signed-in user). */
    static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.POST, "/api/v1/searches", Roles.OFFICER, Roles.ANALYST, Roles.RELEASER),
            new Rule(HttpMethod.GET, "/api/v1/records/*/*", Roles.OFFICER, Roles.ANALYST, Roles.DPO, Roles.RELEASER),
            new Rule(HttpMethod.POST, "/api/v1/imports", Roles.ADMIN),
            new Rule(HttpMethod.GET, "/api/v1/agreements", Roles.DPO, Roles.ADMIN),
            new Rule(HttpMethod.PUT, "/api/v1/agreements/*", Roles.DPO, Roles.ADMIN),
            new Rule(HttpMethod.GET, "/api/v1/audit", Roles.DPO),
            new Rule(HttpMethod.GET, "/api/v1/audit/verification", Roles.DPO, Roles.ADMIN),
            new Rule(HttpMethod.POST, "/api/v1/messages", Roles.OFFICER, Roles.ANALYST, Roles.DPO, Roles.RELEASER),
            new Rule(HttpMethod.GET, "/api/v1/messages", Roles.OFFICER, Roles.ANALYST, Roles.DPO, Roles.RELEASER),
            new Rule(HttpMethod.GET, "/api/v1/messages/*", Roles.OFFICER, Roles.ANALYST, Roles.DPO, Roles.RELEASER),
            new Rule(
                    HttpMethod.POST,
                    "/api/v1/messages/attachments",
                    Roles.OFFICER,
                    Roles.ANALYST,
                    Roles.DPO,
                    Roles.RELEASER),
            new Rule(
                    HttpMethod.GET,
                    "/api/v1/messages/*/attachments/*",
                    Roles.OFFICER,
                    Roles.ANALYST,
                    Roles.DPO,
                    Roles.RELEASER),
            new Rule(
                    HttpMethod.POST,
                    "/api/v1/messages/*/forward",
                    Roles.OFFICER,
                    Roles.ANALYST,
                    Roles.DPO,
                    Roles.RELEASER),
            new Rule(HttpMethod.POST, "/api/v1/follow-ups", Roles.OFFICER, Roles.ANALYST, Roles.RELEASER),
            new Rule(HttpMethod.GET, "/api/v1/follow-ups", Roles.OFFICER, Roles.ANALYST, Roles.DPO, Roles.RELEASER),
            new Rule(HttpMethod.GET, "/api/v1/follow-ups/*", Roles.OFFICER, Roles.ANALYST, Roles.DPO, Roles.RELEASER),
            new Rule(HttpMethod.POST, "/api/v1/follow-ups/*/approve", Roles.DPO, Roles.RELEASER),
            new Rule(HttpMethod.POST, "/api/v1/follow-ups/*/refuse", Roles.DPO, Roles.RELEASER),
            new Rule(HttpMethod.POST, "/api/v1/alerts", Roles.OFFICER, Roles.ANALYST, Roles.RELEASER),
            new Rule(HttpMethod.GET, "/api/v1/alerts", Roles.OFFICER, Roles.ANALYST, Roles.DPO, Roles.RELEASER),
            new Rule(HttpMethod.GET, "/api/v1/alerts/hits", Roles.OFFICER, Roles.ANALYST, Roles.DPO, Roles.RELEASER),
            new Rule(HttpMethod.GET, "/api/v1/alerts/hits/*", Roles.OFFICER, Roles.ANALYST, Roles.DPO, Roles.RELEASER),
            new Rule(HttpMethod.POST, "/api/v1/alerts/hits/*/confirm", Roles.OFFICER, Roles.ANALYST, Roles.RELEASER),
            new Rule(HttpMethod.POST, "/api/v1/alerts/hits/*/reject", Roles.OFFICER, Roles.ANALYST, Roles.RELEASER),
            new Rule(
                    HttpMethod.GET,
                    "/api/v1/alerts/notifications",
                    Roles.OFFICER,
                    Roles.ANALYST,
                    Roles.DPO,
                    Roles.RELEASER),
            new Rule(HttpMethod.GET, "/api/v1/alerts/links", Roles.OFFICER, Roles.ANALYST, Roles.DPO, Roles.RELEASER),
            new Rule(HttpMethod.GET, "/api/v1/alerts/*", Roles.OFFICER, Roles.ANALYST, Roles.DPO, Roles.RELEASER),
            new Rule(HttpMethod.PUT, "/api/v1/alerts/*", Roles.OFFICER, Roles.ANALYST, Roles.RELEASER),
            new Rule(HttpMethod.POST, "/api/v1/alerts/*/cancel", Roles.OFFICER, Roles.ANALYST, Roles.RELEASER),
            new Rule(HttpMethod.POST, "/api/v1/subscriptions", Roles.OFFICER, Roles.ANALYST, Roles.RELEASER),
            new Rule(HttpMethod.GET, "/api/v1/subscriptions", Roles.OFFICER, Roles.ANALYST, Roles.DPO, Roles.RELEASER),
            new Rule(
                    HttpMethod.GET,
                    "/api/v1/subscriptions/events",
                    Roles.OFFICER,
                    Roles.ANALYST,
                    Roles.DPO,
                    Roles.RELEASER),
            new Rule(
                    HttpMethod.POST,
                    "/api/v1/subscriptions/*/end",
                    Roles.OFFICER,
                    Roles.ANALYST,
                    Roles.DPO,
                    Roles.RELEASER),
            new Rule(HttpMethod.GET, "/api/v1/directory"),
            new Rule(HttpMethod.GET, "/api/v1/me"),
            new Rule(HttpMethod.GET, "/actuator/prometheus", Roles.ADMIN));

    record Rule(HttpMethod method, String path, Roles... roles) {}

    @Bean
    SecurityFilterChain api(HttpSecurity http, NodeSettings settings) throws Exception {
        NodeSettings.Jwt jwt = settings.jwt();
        if (jwt != null) {
            JwtDecoder decoder = BearerTokens.decoder(jwt);
            http.oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder)
                            .jwtAuthenticationConverter(token -> BearerTokens.authentication(token, jwt.rolesClaim())))
                    .authenticationEntryPoint((req, res, e) ->
                            problem(res, 401, ErrorCode.UNAUTHENTICATED, "the bearer token is not valid here"))
                    .accessDeniedHandler((req, res, e) ->
                            problem(res, 403, ErrorCode.FORBIDDEN, "your role may not call this endpoint")));
        }
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the provider bean is the global manager's only one; registering it here too made a failure try it
                // twice
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> signInRefused(res, e)))
                .exceptionHandling(x -> x.authenticationEntryPoint((req, res, e) -> signInRefused(res, e))
                        .accessDeniedHandler((req, res, e) ->
                                problem(res, 403, ErrorCode.FORBIDDEN, "your role may not call this endpoint")))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(
                                    HttpMethod.GET,
                                    "/actuator/health",
                                    "/actuator/health/**",
                                    "/v3/api-docs",
                                    "/v3/api-docs/**")
                            .permitAll();
                    a.requestMatchers("/federation/**").permitAll();
                    // Errors already refused or answered by the first dispatch keep their own status.
                    a.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR)
                            .permitAll();
                    for (Rule r : RULES) {
                        if (r.roles().length == 0) {
                            a.requestMatchers(r.method(), r.path()).authenticated();
                        } else {
                            String[] names = java.util.Arrays.stream(r.roles())
                                    .map(Enum::name)
                                    .toArray(String[]::new);
                            a.requestMatchers(r.method(), r.path()).hasAnyRole(names);
                        }
                    }
                    a.anyRequest().denyAll();
                });
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    AuthenticationProvider accounts(NodeTables tables, PasswordEncoder encoder, NodeAudit audit) {
        return new AccountAuthentication(tables, encoder, audit);
    }

    static void problem(HttpServletResponse res, int status, ErrorCode code, String detail) throws java.io.IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.getOutputStream().write(ApiErrors.problemJson(status, code, detail).getBytes(StandardCharsets.UTF_8));
    }

    /** A sign-in refused unchecked because of earlier failures under the same name ({@link SignInThrottle}). */
    static final class Throttled extends org.springframework.security.authentication.LockedException {
        final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("too many failed sign-ins");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** Answers a failed sign-in: 429 with Retry-After when throttled, else 401. */
    static void signInRefused(HttpServletResponse res, org.springframework.security.core.AuthenticationException e)
            throws java.io.IOException {
        if (e instanceof Throttled t) {
            res.setHeader("Retry-After", Long.toString(t.retryAfterSeconds));
            problem(res, 429, ErrorCode.SIGN_IN_THROTTLED, "too many failed sign-ins for this account: wait and retry");
        } else {
            problem(res, 401, ErrorCode.UNAUTHENTICATED, "sign in with a node account");
        }
    }

    /** Local accounts, with verified passwords remembered for a while under a keyed hash. */
    static final class AccountAuthentication implements AuthenticationProvider {
        private static final long REMEMBER_NANOS = 5L * 60 * 1_000_000_000;
        private final NodeTables tables;
        private final PasswordEncoder encoder;
        private final byte[] key = new byte[32];
        private final Map<String, Long> verified = new ConcurrentHashMap<>();

        private final NodeAudit audit;
        private final SignInThrottle throttle = new SignInThrottle();
        /** How long a sign-in waits for parallel attempts under its name to settle before it is refused. */
        private static final long BURST_WAIT_NANOS = 5_000_000_000L;

        private volatile String unknownAccountHash;

        private String unknownAccountHash() {
            String h = unknownAccountHash;
            if (h == null) {
                byte[] random = new byte[16];
                new SecureRandom().nextBytes(random);
                h = encoder.encode(java.util.HexFormat.of().formatHex(random));
                unknownAccountHash = h;
            }
            return h;
        }

        AccountAuthentication(NodeTables tables, PasswordEncoder encoder, NodeAudit audit) {
            this.audit = audit;
            this.tables = tables;
            this.encoder = encoder;
            new SecureRandom().nextBytes(key);
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String user = authentication.getName();
            String password = String.valueOf(authentication.getCredentials());
            NodeTables.Account account = tables.account(user).orElse(null);
            String remembered = account == null ? null : fingerprint(user, password, account.passwordHash());
            Long until = remembered == null ? null : verified.get(remembered);
            // a password verified a moment ago passes even while the name is throttled: others' guesses
            // under the name cannot lock out a client that already holds the password
            if (until != null && until - System.nanoTime() >= 0) {
                return authenticated(user, account);
            }
            boolean begun;
            try {
                begun = throttle.begin(user, BURST_WAIT_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                begun = false;
            }
            if (!begun) {
                audit.loginFailed(account == null ? null : account.username());
                throw new Throttled(throttle.waitSeconds(user));
            }
            boolean ok = false;
            try {
                Long meanwhile = remembered == null ? null : verified.get(remembered);
                if (meanwhile != null && meanwhile - System.nanoTime() >= 0) {
                    ok = true; // verified by a parallel attempt while this one waited its turn
                    return authenticated(user, account);
                }
                checkPassword(password, account);
                if (verified.size() > 10_000) {
                    verified.clear();
                }
                verified.put(remembered, System.nanoTime() + REMEMBER_NANOS);
                ok = true;
            } finally {
                throttle.end(user, ok);
            }
            return authenticated(user, account);
        }

        /** Throws unless the password is the account's; an unknown account costs the same Argon2 check. */
        private void checkPassword(String password, NodeTables.Account account) {
            if (account == null) {
                // as long as a wrong password of a real account: the time does not tell which names exist
                encoder.matches(password, unknownAccountHash());
                audit.loginFailed(null);
                throw new BadCredentialsException("unknown account or wrong password");
            }
            if (!encoder.matches(password, account.passwordHash())) {
                audit.loginFailed(account.username());
                throw new BadCredentialsException("unknown account or wrong password");
            }
        }

        private static Authentication authenticated(String user, NodeTables.Account account) {
            Roles role =
                    Roles.parse(account.role()).orElseThrow(() -> new BadCredentialsException("account without role"));
            return UsernamePasswordAuthenticationToken.authenticated(
                    user, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }

        private String fingerprint(String user, String password, String hash) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                for (String s : new String[] {user, password, hash}) {
                    mac.update(s.getBytes(StandardCharsets.UTF_8));
                    mac.update((byte) 0);
                }
                return HexFormat.of().formatHex(mac.doFinal());
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        }
    }
}
