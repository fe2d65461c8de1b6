<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConnectorService</name>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
</context>
<context>
    <name>DeliveryLedger</name>
    <message>
        <source>reported delivered without a 2xx answer</source>
        <translation>报告为已投递，但没有 2xx 响应</translation>
    </message>
</context>
<context>
    <name>DeliveryState</name>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已投递</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Sent, unconfirmed</source>
        <translation>已发送，未确认</translation>
    </message>
</context>
<context>
    <name>HydraConnector</name>
    <message>
        <source>Hydra lists sessions per subject only: enter a user (subject) to see sessions</source>
        <translation>Hydra 只能按主体（subject）列出会话：请输入用户（主体）以查看会话</translation>
    </message>
    <message>
        <source>Hydra has no user directory: users are named by their subject</source>
        <translation>Hydra 没有用户目录：用户以其主体（subject）命名</translation>
    </message>
    <message>
        <source>Hydra&apos;s logout tokens carry sid but no sub, exp or typ: an RP that requires them refuses the token</source>
        <translation>Hydra 的注销令牌包含 sid，但不含 sub、exp 或 typ：要求这些声明的依赖方会拒绝该令牌</translation>
    </message>
    <message>
        <source>ending a subject&apos;s login sessions in Hydra (?subject=) sends no logout token; Signoff ends them by sid</source>
        <translation>在 Hydra 中结束某个主体的登录会话（?subject=）不会发送注销令牌；Signoff 改为按 sid 结束会话</translation>
    </message>
    <message>
        <source>Hydra&apos;s admin API (or the gateway in front of it) asks for credentials for %1: enter a client id and the API key as secret in the profile.</source>
        <translation>Hydra 的管理 API（或其前面的网关）要求为 %1 提供凭据：请在配置文件中输入客户端 ID，并将 API 密钥填为密钥。</translation>
    </message>
    <message>
        <source>Hydra&apos;s admin API (or the gateway in front of it) refused the API key for %1: check the secret in the profile.</source>
        <translation>Hydra 的管理 API（或其前面的网关）拒绝了用于 %1 的 API 密钥：请检查配置文件中的密钥。</translation>
    </message>
    <message>
        <source>%1 has no Hydra v2 admin API (%2 answered 404): use the admin port&apos;s URL, e.g. http://hydra:4445.</source>
        <translation>%1 没有 Hydra v2 管理 API（%2 返回 404）：请使用管理端口的 URL，例如 http://hydra:4445。</translation>
    </message>
    <message>
        <source>Hydra answered %1 with something that is not JSON (%2).</source>
        <translation>Hydra 对 %1 的响应不是 JSON（%2）。</translation>
    </message>
    <message>
        <source>the version</source>
        <translation>版本信息</translation>
    </message>
    <message>
        <source>the clients list</source>
        <translation>客户端列表</translation>
    </message>
    <message>
        <source>Hydra has no user directory to search: enter the subject (the user id your login app gives Hydra).</source>
        <translation>Hydra 没有可供搜索的用户目录：请输入主体（您的登录应用提供给 Hydra 的用户 ID）。</translation>
    </message>
    <message>
        <source>Hydra lists sessions per subject only: choose a user (subject) to see its sessions.</source>
        <translation>Hydra 只能按主体列出会话：请选择一个用户（主体）以查看其会话。</translation>
    </message>
    <message>
        <source>the consent sessions of %1</source>
        <translation>%1 的同意（consent）会话</translation>
    </message>
    <message>
        <source>Hydra cannot look sessions up by id: it lists sessions only for a subject, so list the user&apos;s (subject&apos;s) sessions instead.</source>
        <translation>Hydra 无法按 ID 查找会话：它只按主体列出会话，请改为列出该用户（主体）的会话。</translation>
    </message>
    <message>
        <source>Hydra cannot send a logout token again once the login session is gone. Ask the RP&apos;s operator to end the user&apos;s session in the RP itself, or, once the RP is fixed, have the user sign in again and log them out once more.</source>
        <translation>登录会话一旦不存在，Hydra 就无法再次发送注销令牌。请让该依赖方的运维人员直接在依赖方中结束该用户的会话；或者在依赖方修复后，让用户重新登录，然后再将其注销一次。</translation>
    </message>
    <message>
        <source>Hydra ends one login session per call, not %1.</source>
        <translation>Hydra 每次调用只能结束一个登录会话，而不是 %1 个。</translation>
    </message>
    <message>
        <source>Hydra has no login session %1: the session no longer exists (it ended, expired or was logged out elsewhere).</source>
        <translation>Hydra 中没有登录会话 %1：该会话已不存在（已结束、已过期或已在别处注销）。</translation>
    </message>
    <message>
        <source>ending login session %1</source>
        <translation>结束登录会话 %1</translation>
    </message>
</context>
<context>
    <name>IdpHttpClient</name>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 未在 %2 秒内响应。</translation>
    </message>
    <message>
        <source>The certificate of %1 does not match the pinned SHA-256 (it is %2): someone may be intercepting the connection, or the certificate was renewed — check, then update the pin.</source>
        <translation>%1 的证书与固定的 SHA-256 不符（实际为 %2）：可能有人正在拦截连接，也可能是证书已续期——请核实后再更新固定值。</translation>
    </message>
    <message>
        <source>%1 refused the connection: is the IdP running on port %2?</source>
        <translation>%1 拒绝了连接：IdP 是否在端口 %2 上运行？</translation>
    </message>
    <message>
        <source>The host %1 was not found: check the base URL.</source>
        <translation>未找到主机 %1：请检查基础 URL。</translation>
    </message>
    <message>
        <source>The TLS connection to %1 failed: %2. Trust its CA with the profile&apos;s extra CA file, or pin its certificate.</source>
        <translation>与 %1 的 TLS 连接失败：%2。请通过配置文件的额外 CA 文件信任其 CA，或固定其证书。</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>无法访问 %1：%2</translation>
    </message>
    <message>
        <source>The IdP answered %1 with something that is not JSON (%2).</source>
        <translation>IdP 对 %1 的响应不是 JSON（%2）。</translation>
    </message>
    <message>
        <source> (the IdP says: %1)</source>
        <translation>（IdP 提示：%1）</translation>
    </message>
    <message>
        <source>The IdP refused Signoff&apos;s credentials for %1: check the client id and secret (or password) in the profile.%2</source>
        <translation>IdP 拒绝了 Signoff 用于 %1 的凭据：请检查配置文件中的客户端 ID 和密钥（或密码）。%2</translation>
    </message>
    <message>
        <source>The admin account lacks a permission needed for %1.%2</source>
        <translation>管理员账户缺少 %1 所需的权限。%2</translation>
    </message>
    <message>
        <source>The IdP has no %1: check the base URL, the realm or tenant, and the IdP&apos;s version.%2</source>
        <translation>IdP 上没有 %1：请检查基础 URL、领域或租户，以及 IdP 的版本。%2</translation>
    </message>
    <message>
        <source>The IdP is rate-limiting Signoff (%1); it asks to wait %2 s.</source>
        <translation>IdP 正在对 Signoff 限流（%1）；要求等待 %2 秒。</translation>
    </message>
    <message>
        <source>The IdP failed while answering %1 (HTTP %2).%3</source>
        <translation>IdP 在响应 %1 时出错（HTTP %2）。%3</translation>
    </message>
    <message>
        <source>The IdP answered %1 with HTTP %2.%3</source>
        <translation>IdP 对 %1 返回了 HTTP %2。%3</translation>
    </message>
    <message>
        <source>%1&apos;s token endpoint answered without an access token.</source>
        <translation>%1 的令牌端点未返回访问令牌。</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No secret is stored in the keychain for this profile.</source>
        <translation>钥匙串中没有为此配置文件存储密钥。</translation>
    </message>
    <message>
        <source>No keychain is available: Signoff keeps secrets only in the OS keychain. On Linux install and start a Secret Service (e.g. apt install gnome-keyring, or KWallet) and unlock it, then try again. (%1)</source>
        <translation>没有可用的钥匙串：Signoff 仅将密钥保存在操作系统钥匙串中。在 Linux 上，请安装并启动 Secret Service（例如 apt install gnome-keyring，或 KWallet）并将其解锁，然后重试。（%1）</translation>
    </message>
    <message>
        <source>The keychain refused access; unlock it (or allow Signoff) and try again. (%1)</source>
        <translation>钥匙串拒绝了访问；请将其解锁（或允许 Signoff 访问）后重试。（%1）</translation>
    </message>
    <message>
        <source>The keychain failed (%1). Signoff keeps secrets only in the OS keychain: make sure a Secret Service (e.g. gnome-keyring or KWallet) is installed, running and unlocked.</source>
        <translation>钥匙串出错（%1）。Signoff 仅将密钥保存在操作系统钥匙串中：请确保已安装 Secret Service（例如 gnome-keyring 或 KWallet），且其正在运行并已解锁。</translation>
    </message>
    <message>
        <source>The keychain did not answer in time. It is probably locked and waiting for an unlock prompt: unlock your login keyring (Seahorse, or `gnome-keyring-daemon --unlock`) and try again.</source>
        <translation>钥匙串未及时响应。它可能处于锁定状态，正在等待解锁提示：请解锁您的登录钥匙串（使用 Seahorse，或 `gnome-keyring-daemon --unlock`）后重试。</translation>
    </message>
</context>
<context>
    <name>KeycloakConnector</name>
    <message>
        <source>Keycloak does not report whether each RP accepted its logout token: deliveries stay unconfirmed unless they pass through Signoff&apos;s mock RP or relay</source>
        <translation>Keycloak 不报告每个依赖方是否接受了其注销令牌：除非投递经过 Signoff 的模拟 RP或转发，否则将一直处于未确认状态</translation>
    </message>
    <message>
        <source>Keycloak&apos;s &quot;logout all&quot; sends no OIDC logout tokens: Signoff logs out session by session</source>
        <translation>Keycloak 的“logout all”不会发送 OIDC 注销令牌：Signoff 会逐个会话注销</translation>
    </message>
    <message>
        <source>The realm &quot;%1&quot; does not exist on %2: check the realm name in the profile (it is case-sensitive).</source>
        <translation>%2 上不存在领域“%1”：请检查配置文件中的领域名称（区分大小写）。</translation>
    </message>
    <message>
        <source>Keycloak does not accept the secret of client &quot;%1&quot; in realm &quot;%2&quot;: it is wrong, or it expired or was regenerated (copy the current one from the client&apos;s Credentials tab).</source>
        <translation>Keycloak 不接受领域“%2”中客户端“%1”的密钥：密钥错误、已过期或已重新生成（请从该客户端的 Credentials 选项卡复制当前密钥）。</translation>
    </message>
    <message>
        <source>Client &quot;%1&quot; may not sign in with %2 (%3): enable its service account, or use the password grant with admin-cli.</source>
        <translation>客户端“%1”不允许使用 %2 登录（%3）：请启用其服务账户，或改用 admin-cli 的密码授权。</translation>
    </message>
    <message>
        <source>Keycloak refused user &quot;%1&quot; in realm &quot;%2&quot;: %3.</source>
        <translation>Keycloak 拒绝了领域“%2”中的用户“%1”：%3。</translation>
    </message>
    <message>
        <source>wrong user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <source>an admin token</source>
        <translation>管理令牌</translation>
    </message>
    <message>
        <source>user &quot;%1&quot;</source>
        <translation>用户“%1”</translation>
    </message>
    <message>
        <source>the service account of client &quot;%1&quot;</source>
        <translation>客户端“%1”的服务账户</translation>
    </message>
    <message>
        <source>Keycloak refused %1: %2 lacks the realm-management role %3 (assign it in realm &quot;%4&quot;).</source>
        <translation>Keycloak 拒绝了 %1：%2 缺少 realm-management 角色 %3（请在领域“%4”中分配该角色）。</translation>
    </message>
    <message>
        <source>Keycloak answered %1 with something that is not JSON (%2).</source>
        <translation>Keycloak 对 %1 的响应不是 JSON（%2）。</translation>
    </message>
    <message>
        <source>the realm&apos;s discovery document</source>
        <translation>该领域的发现文档</translation>
    </message>
    <message>
        <source>the clients list</source>
        <translation>客户端列表</translation>
    </message>
    <message>
        <source>the session counts</source>
        <translation>会话计数</translation>
    </message>
    <message>
        <source>the users list</source>
        <translation>用户列表</translation>
    </message>
    <message>
        <source>%1 (or %2)</source>
        <translation>%1（或 %2）</translation>
    </message>
    <message>
        <source>Realm &quot;%1&quot; has no client &quot;%2&quot;.</source>
        <translation>领域“%1”中没有客户端“%2”。</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>Realm &quot;%1&quot; has no user &quot;%2&quot; (looked up by user name and by id).</source>
        <translation>领域“%1”中没有用户“%2”（已按用户名和 ID 查找）。</translation>
    </message>
    <message>
        <source>the client&apos;s sessions</source>
        <translation>该客户端的会话</translation>
    </message>
    <message>
        <source>the user&apos;s sessions</source>
        <translation>该用户的会话</translation>
    </message>
    <message>
        <source>Session counts need the realm-management role %1.</source>
        <translation>会话计数需要 realm-management 角色 %1。</translation>
    </message>
    <message>
        <source>Keycloak cannot send a logout token again once the session is gone. Ask the RP&apos;s operator to end the user&apos;s session in the RP itself, or, once the RP is fixed, have the user sign in again and log them out once more.</source>
        <translation>会话一旦不存在，Keycloak 就无法再次发送注销令牌。请让该依赖方的运维人员直接在依赖方中结束该用户的会话；或者在依赖方修复后，让用户重新登录，然后再将其注销一次。</translation>
    </message>
    <message>
        <source>Keycloak ends one session per call, not %1.</source>
        <translation>Keycloak 每次调用只能结束一个会话，而不是 %1 个。</translation>
    </message>
    <message>
        <source>Keycloak did not answer the logout of session %1 within %2 s: it may still be sending logout tokens, and the session may or may not have ended — list the user&apos;s sessions to see.</source>
        <translation>Keycloak 未在 %2 秒内响应会话 %1 的注销：它可能仍在发送注销令牌，会话可能已结束，也可能尚未结束 — 请列出该用户的会话进行确认。</translation>
    </message>
    <message>
        <source>Keycloak has no session %1: the session no longer exists (it ended, expired or was logged out elsewhere).</source>
        <translation>Keycloak 中没有会话 %1：该会话已不存在（已结束、已过期或已在别处注销）。</translation>
    </message>
    <message>
        <source>ending session %1</source>
        <translation>结束会话 %1</translation>
    </message>
</context>
<context>
    <name>LogoutRun</name>
    <message>
        <source>The connection to the IdP was closed.</source>
        <translation>与 IdP 的连接已关闭。</translation>
    </message>
    <message>
        <source>session no longer exists at the IdP</source>
        <translation>该会话在 IdP 中已不存在</translation>
    </message>
    <message>
        <source>another logout was already ending this session at the IdP</source>
        <translation>另一个注销操作已在 IdP 中结束此会话</translation>
    </message>
    <message>
        <source>the IdP did not list this RP</source>
        <translation>IdP 未列出此依赖方</translation>
    </message>
    <message>
        <source>the IdP&apos;s report was lost</source>
        <translation>IdP 的报告已丢失</translation>
    </message>
    <message>
        <source>%1 does not report back-channel results</source>
        <translation>%1 不报告后端通道结果</translation>
    </message>
    <message>
        <source>cancelled before sending</source>
        <translation>发送前已取消</translation>
    </message>
    <message>
        <source>cancelled after %1 of %2 deliveries</source>
        <translation>已发送 %2 个投递中的 %1 个后取消</translation>
    </message>
    <message>
        <source>cancelled after %1 of %2 sessions</source>
        <translation>已处理 %2 个会话中的 %1 个后取消</translation>
    </message>
    <message>
        <source>sent; the run stopped waiting for the IdP&apos;s report</source>
        <translation>已发送；本次运行已停止等待 IdP 的报告</translation>
    </message>
    <message>
        <source>the IdP had not answered the logout call when the run was stopped</source>
        <translation>运行停止时，IdP 尚未响应注销调用</translation>
    </message>
    <message>
        <source>The history could not be written: %1</source>
        <translation>无法写入历史记录：%1</translation>
    </message>
</context>
<context>
    <name>LogoutScope</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <source>every session of user %1</source>
        <translation>用户 %1 的所有会话</translation>
    </message>
    <message>
        <source>every session of relying party %1</source>
        <translation>依赖方 %1 的所有会话</translation>
    </message>
</context>
<context>
    <name>LogoutService</name>
    <message>
        <source>the client is disabled</source>
        <translation>该客户端已禁用</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names more than one user: %2.</source>
        <translation>“%1”对应多个用户：%2。</translation>
    </message>
    <message>
        <source>No such user: %1.</source>
        <translation>没有此用户：%1。</translation>
    </message>
    <message>
        <source>No user is exactly &quot;%1&quot;; candidates: %2.</source>
        <translation>没有与“%1”完全匹配的用户；候选：%2。</translation>
    </message>
    <message>
        <source>No connector for profile %1.</source>
        <translation>配置文件 %1 没有连接器。</translation>
    </message>
    <message>
        <source>No such session at the IdP: %1.</source>
        <translation>IdP 中没有此会话：%1。</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) no longer exist at the IdP: %1</source>
        <translation>
            <numerusform>%n 个会话在 IdP 中已不存在：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>No relying party with client id %1.</source>
        <translation>没有客户端 ID 为 %1 的依赖方。</translation>
    </message>
    <message>
        <source>%1 does not report back-channel results: a delivery it attempts stays &quot;unconfirmed&quot; unless a mock RP or the relay sees it.</source>
        <translation>%1 不报告后端通道结果：除非模拟 RP 或转发看到了它尝试的投递，否则该投递将保持“未确认”。</translation>
    </message>
    <message>
        <source>Nothing to retry: no delivery of this run failed or timed out.</source>
        <translation>无需重试：本次运行中没有失败或超时的投递。</translation>
    </message>
    <message>
        <source>The profile of run %1 no longer exists.</source>
        <translation>运行 %1 的配置文件已不存在。</translation>
    </message>
    <message numerus="yes">
        <source>Retry of run %1: %n delivery(ies) sent again.</source>
        <translation>
            <numerusform>重试运行 %1：已重新发送 %n 个投递。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogoutTokenValidator</name>
    <message>
        <source>no algorithm is accepted</source>
        <translation>未接受任何算法</translation>
    </message>
    <message>
        <source>%1 needs the client secret (--client-secret-file)</source>
        <translation>%1 需要客户端密钥（--client-secret-file）</translation>
    </message>
    <message>
        <source>clock skew must be between 0 and 86400 seconds</source>
        <translation>时钟偏差必须在 0 到 86400 秒之间</translation>
    </message>
    <message>
        <source>not checked: the header could not be read</source>
        <translation>未检查：无法读取头部</translation>
    </message>
    <message>
        <source>not checked: the claims could not be read</source>
        <translation>未检查：无法读取声明</translation>
    </message>
    <message>
        <source>JWE compact serialization (5 parts)</source>
        <translation>JWE 紧凑序列化（5 个部分）</translation>
    </message>
    <message>
        <source>compact JWS with a JSON header and JSON claims</source>
        <translation>紧凑 JWS，包含 JSON 头部和 JSON 声明</translation>
    </message>
    <message>
        <source>signed, not encrypted</source>
        <translation>已签名，未加密</translation>
    </message>
    <message>
        <source>the header has no &quot;alg&quot;</source>
        <translation>头部没有 &quot;alg&quot;</translation>
    </message>
    <message>
        <source>&quot;alg&quot; is not a string</source>
        <translation>&quot;alg&quot; 不是字符串</translation>
    </message>
    <message>
        <source>alg %1 (an unsigned token) is always refused</source>
        <translation>alg %1（未签名的令牌）始终会被拒绝</translation>
    </message>
    <message>
        <source>alg %1 is not a known JWS algorithm</source>
        <translation>alg %1 不是已知的 JWS 算法</translation>
    </message>
    <message>
        <source>alg %1 is not accepted for this client (accepted: %2)</source>
        <translation>此客户端不接受 alg %1（接受：%2）</translation>
    </message>
    <message>
        <source>alg %1 needs the client secret, and none is configured</source>
        <translation>alg %1 需要客户端密钥，但未配置</translation>
    </message>
    <message>
        <source>%1 is an accepted algorithm (accepted: %2)</source>
        <translation>%1 是接受的算法（接受：%2）</translation>
    </message>
    <message>
        <source>not checked: no keys given (use --jwks-uri or --discovery)</source>
        <translation>未检查：未提供密钥（请使用 --jwks-uri 或 --discovery）</translation>
    </message>
    <message>
        <source>not checked: the token is not a signed JWS</source>
        <translation>未检查：令牌不是已签名的 JWS</translation>
    </message>
    <message>
        <source>not checked: the algorithm is refused (see alg)</source>
        <translation>未检查：算法被拒绝（见 alg）</translation>
    </message>
    <message>
        <source>%1 verified with the client secret</source>
        <translation>已使用客户端密钥验证 %1</translation>
    </message>
    <message>
        <source>&quot;kid&quot; is not a string</source>
        <translation>&quot;kid&quot; 不是字符串</translation>
    </message>
    <message>
        <source>no signing keys are loaded from the OP&apos;s JWKS</source>
        <translation>未从 OP 的 JWKS 加载任何签名密钥</translation>
    </message>
    <message>
        <source>no key with kid %1 in the JWKS</source>
        <translation>JWKS 中没有 kid 为 %1 的密钥</translation>
    </message>
    <message>
        <source>the key with kid %1 is %2, which cannot verify %3</source>
        <translation>kid 为 %1 的密钥是 %2，无法验证 %3</translation>
    </message>
    <message>
        <source>the token has no kid and the JWKS has no key for %1</source>
        <translation>令牌没有 kid，且 JWKS 中没有适用于 %1 的密钥</translation>
    </message>
    <message>
        <source>%1 verified with %2</source>
        <translation>已使用 %2 验证 %1</translation>
    </message>
    <message>
        <source>signature does not verify with %1</source>
        <translation>无法使用 %1 验证签名</translation>
    </message>
    <message>
        <source>signature does not verify with any of %1 candidate keys</source>
        <translation>%1 个候选密钥均无法验证签名</translation>
    </message>
    <message>
        <source>no typ header; logout+jwt is required (--require-typ)</source>
        <translation>没有 typ 头部；要求为 logout+jwt（--require-typ）</translation>
    </message>
    <message>
        <source>no typ header (accepted; logout+jwt is recommended)</source>
        <translation>没有 typ 头部（已接受；建议使用 logout+jwt）</translation>
    </message>
    <message>
        <source>typ is not a string</source>
        <translation>typ 不是字符串</translation>
    </message>
    <message>
        <source>typ is logout+jwt</source>
        <translation>typ 为 logout+jwt</translation>
    </message>
    <message>
        <source>typ is JWT; logout+jwt is required (--require-typ)</source>
        <translation>typ 为 JWT；要求为 logout+jwt（--require-typ）</translation>
    </message>
    <message>
        <source>typ is JWT (accepted; logout+jwt is recommended)</source>
        <translation>typ 为 JWT（已接受；建议使用 logout+jwt）</translation>
    </message>
    <message>
        <source>typ %1 marks another kind of token; a logout token has logout+jwt</source>
        <translation>typ %1 表示其他类型的令牌；注销令牌的 typ 为 logout+jwt</translation>
    </message>
    <message>
        <source>the header marks extensions as critical (crit), none are supported</source>
        <translation>头部将扩展标记为关键（crit），但不支持任何扩展</translation>
    </message>
    <message>
        <source>no critical header extensions</source>
        <translation>没有关键头部扩展</translation>
    </message>
    <message>
        <source>not checked: no issuer configured (--issuer)</source>
        <translation>未检查：未配置签发者（--issuer）</translation>
    </message>
    <message>
        <source>iss is not a string</source>
        <translation>iss 不是字符串</translation>
    </message>
    <message>
        <source>iss is missing</source>
        <translation>缺少 iss</translation>
    </message>
    <message>
        <source>iss is %1, expected %2</source>
        <translation>iss 为 %1，应为 %2</translation>
    </message>
    <message>
        <source>iss matches %1</source>
        <translation>iss 与 %1 匹配</translation>
    </message>
    <message>
        <source>not checked: no client id configured (--client-id)</source>
        <translation>未检查：未配置客户端 ID（--client-id）</translation>
    </message>
    <message>
        <source>aud is missing</source>
        <translation>缺少 aud</translation>
    </message>
    <message>
        <source>aud must be a string or an array of strings</source>
        <translation>aud 必须是字符串或字符串数组</translation>
    </message>
    <message>
        <source>aud %1 does not contain the client id %2</source>
        <translation>aud %1 不包含客户端 ID %2</translation>
    </message>
    <message>
        <source>azp is not a string</source>
        <translation>azp 不是字符串</translation>
    </message>
    <message>
        <source>several audiences and azp %1 is not the client id %2</source>
        <translation>存在多个受众，且 azp %1 不是客户端 ID %2</translation>
    </message>
    <message>
        <source>aud contains the client id among %1 audiences, without azp</source>
        <translation>aud 的 %1 个受众中包含客户端 ID，没有 azp</translation>
    </message>
    <message>
        <source>aud is the client id, but azp is %1</source>
        <translation>aud 为客户端 ID，但 azp 为 %1</translation>
    </message>
    <message>
        <source>aud contains the client id %1</source>
        <translation>aud 包含客户端 ID %1</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>%1 is not a number of seconds</source>
        <translation>%1 不是秒数</translation>
    </message>
    <message>
        <source>%1 is out of range</source>
        <translation>%1 超出范围</translation>
    </message>
    <message>
        <source>iat is %1 s in the future (allowed skew %2 s)</source>
        <translation>iat 位于 %1 秒之后的未来（允许偏差 %2 秒）</translation>
    </message>
    <message>
        <source>issued %1 s ago; without exp, tokens older than %2 s are refused (replay protection)</source>
        <translation>签发于 %1 秒前；没有 exp 时，超过 %2 秒的令牌会被拒绝（重放保护）</translation>
    </message>
    <message>
        <source>issued %1 (%2 s ago)</source>
        <translation>签发于 %1（%2 秒前）</translation>
    </message>
    <message>
        <source>exp is missing (accepted: --allow-missing-exp)</source>
        <translation>缺少 exp（已接受：--allow-missing-exp）</translation>
    </message>
    <message>
        <source>exp is missing (required since errata 1; --allow-missing-exp accepts older providers)</source>
        <translation>缺少 exp（自勘误 1 起为必需；--allow-missing-exp 可接受较旧的提供方）</translation>
    </message>
    <message>
        <source>expired %1 s ago at %2 (allowed skew %3 s)</source>
        <translation>已于 %1 秒前（%2）过期（允许偏差 %3 秒）</translation>
    </message>
    <message>
        <source>exp is before iat</source>
        <translation>exp 早于 iat</translation>
    </message>
    <message>
        <source>expires %1 (in %2 s)</source>
        <translation>过期时间 %1（%2 秒后）</translation>
    </message>
    <message>
        <source>sub and sid must be strings</source>
        <translation>sub 和 sid 必须是字符串</translation>
    </message>
    <message>
        <source>neither sub nor sid is present</source>
        <translation>sub 和 sid 均不存在</translation>
    </message>
    <message>
        <source>events is missing</source>
        <translation>缺少 events</translation>
    </message>
    <message>
        <source>events is an array (the 2016 draft format); it must be an object</source>
        <translation>events 是数组（2016 年草案的格式）；它必须是对象</translation>
    </message>
    <message>
        <source>events is not a JSON object</source>
        <translation>events 不是 JSON 对象</translation>
    </message>
    <message>
        <source>events has no member %1</source>
        <translation>events 没有成员 %1</translation>
    </message>
    <message>
        <source>the back-channel logout event&apos;s value must be a JSON object</source>
        <translation>后端通道注销事件的值必须是 JSON 对象</translation>
    </message>
    <message>
        <source>back-channel logout event present</source>
        <translation>存在后端通道注销事件</translation>
    </message>
    <message>
        <source>back-channel logout event present (also: %1)</source>
        <translation>存在后端通道注销事件（另有：%1）</translation>
    </message>
    <message>
        <source>nonce is present; it is prohibited in logout tokens</source>
        <translation>存在 nonce；注销令牌中禁止使用 nonce</translation>
    </message>
    <message>
        <source>no nonce</source>
        <translation>没有 nonce</translation>
    </message>
    <message>
        <source>jti is not a string</source>
        <translation>jti 不是字符串</translation>
    </message>
    <message>
        <source>jti is missing or empty</source>
        <translation>jti 缺失或为空</translation>
    </message>
    <message>
        <source>jti is longer than %1 characters</source>
        <translation>jti 长度超过 %1 个字符</translation>
    </message>
    <message>
        <source>jti %1 was already accepted (replay)</source>
        <translation>jti %1 已被接受过（重放）</translation>
    </message>
    <message>
        <source>first use; remembered until %1</source>
        <translation>首次使用；记录保留至 %1</translation>
    </message>
    <message>
        <source>not seen before (not remembered: the token is invalid)</source>
        <translation>此前未出现过（未记录：令牌无效）</translation>
    </message>
</context>
<context>
    <name>LogtoConnector</name>
    <message>
        <source>Logto has no per-application session list: Signoff walks every user</source>
        <translation>Logto 没有按应用划分的会话列表：Signoff 会遍历所有用户</translation>
    </message>
    <message>
        <source>deleting a session in Logto sends no logout token</source>
        <translation>在 Logto 中删除会话不会发送注销令牌</translation>
    </message>
    <message>
        <source>Logto does not know the API resource %1: for a self-hosted Logto leave the tenant empty (or &quot;default&quot;); on Logto Cloud enter the tenant id.</source>
        <translation>Logto 不认识 API 资源 %1：对于自托管的 Logto，请将租户留空（或填写“default”）；在 Logto Cloud 上请输入租户 ID。</translation>
    </message>
    <message>
        <source>Logto does not accept app &quot;%1&quot; with this secret: check the machine-to-machine app&apos;s id and secret (the usable secret is listed under the app&apos;s secrets, not the &quot;#internal&quot; one).</source>
        <translation>Logto 不接受使用此密钥的应用“%1”：请检查机器对机器应用的 ID 和密钥（可用的密钥列在该应用的密钥下，而不是“#internal”那个）。</translation>
    </message>
    <message>
        <source>%1 has no Logto token endpoint (/oidc/token): check the base URL (Logto&apos;s core, not its admin console).</source>
        <translation>%1 没有 Logto 令牌端点（/oidc/token）：请检查基础 URL（应为 Logto 核心服务，而不是其管理控制台）。</translation>
    </message>
    <message>
        <source>a Management API token</source>
        <translation>Management API 令牌</translation>
    </message>
    <message>
        <source>Logto refused %1: the machine-to-machine app &quot;%2&quot; lacks the role &quot;Logto Management API access&quot; (scope all).</source>
        <translation>Logto 拒绝了 %1：机器对机器应用“%2”缺少角色“Logto Management API access”（scope all）。</translation>
    </message>
    <message>
        <source>Logto refused Signoff&apos;s token for %1: the token is for another resource than this Logto&apos;s Management API (%2) — check the tenant in the profile.</source>
        <translation>Logto 拒绝了 Signoff 用于 %1 的令牌：该令牌针对的资源不是此 Logto 的 Management API（%2）——请检查配置文件中的租户。</translation>
    </message>
    <message>
        <source>Logto answered %1 with something that is not JSON (%2).</source>
        <translation>Logto 对 %1 的响应不是 JSON（%2）。</translation>
    </message>
    <message>
        <source>Logto&apos;s discovery document (/oidc)</source>
        <translation>Logto 的发现文档（/oidc）</translation>
    </message>
    <message>
        <source>the applications list</source>
        <translation>应用列表</translation>
    </message>
    <message>
        <source>the users list</source>
        <translation>用户列表</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>Logto has no user &quot;%1&quot; (looked up by id, user name and email).</source>
        <translation>Logto 中没有用户“%1”（已按 ID、用户名和电子邮件查找）。</translation>
    </message>
    <message>
        <source>This Logto cannot list sessions: GET /api/users/{id}/sessions needs Logto 1.38 or later (on 1.37, start it with DEV_FEATURES_ENABLED=1).</source>
        <translation>此 Logto 无法列出会话：GET /api/users/{id}/sessions 需要 Logto 1.38 或更高版本（在 1.37 上，请使用 DEV_FEATURES_ENABLED=1 启动）。</translation>
    </message>
    <message>
        <source>the sessions of user %1</source>
        <translation>用户 %1 的会话</translation>
    </message>
    <message>
        <source>Logto answered the sessions of user %1 with an unexpected document.</source>
        <translation>Logto 对用户 %1 的会话返回了意外的文档。</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) to walk for an application&apos;s sessions</source>
        <translation>
            <numerusform>获取应用的会话需遍历 %n 个用户</numerusform>
        </translation>
    </message>
    <message>
        <source>Logto at %1 has no app &quot;%2&quot;: check the machine-to-machine app&apos;s id, and that the base URL is Logto&apos;s core endpoint (the one serving /api), not its admin console endpoint.</source>
        <translation>%1 上的 Logto 没有应用“%2”：请检查机器对机器应用的 ID，并确认基础 URL 是 Logto 的核心端点（提供 /api 的那个），而不是管理控制台端点。</translation>
    </message>
    <message>
        <source>Logto&apos;s Management API ends sessions without sending logout tokens: Logto sends back-channel logout only when the user logs out through an RP (RP-initiated logout).</source>
        <translation>Logto 的 Management API 结束会话时不会发送注销令牌：只有当用户通过依赖方注销时（RP 发起的注销），Logto 才会发送后端通道注销。</translation>
    </message>
    <message>
        <source>Logto cannot send a logout token from its Management API. Ask the RP&apos;s operator to end the user&apos;s session in the RP itself, or have the user sign in again and log out through the RP.</source>
        <translation>Logto 无法通过其 Management API 发送注销令牌。请让该依赖方的运维人员直接在依赖方中结束该用户的会话，或让用户重新登录后通过依赖方注销。</translation>
    </message>
    <message>
        <source>Logto ends one session per call, not %1.</source>
        <translation>Logto 每次调用只能结束一个会话，而不是 %1 个。</translation>
    </message>
    <message>
        <source>This Logto cannot end sessions: DELETE /api/users/{id}/sessions/{uid} needs Logto 1.38 or later (on 1.37, start it with DEV_FEATURES_ENABLED=1).</source>
        <translation>此 Logto 无法结束会话：DELETE /api/users/{id}/sessions/{uid} 需要 Logto 1.38 或更高版本（在 1.37 上，请使用 DEV_FEATURES_ENABLED=1 启动）。</translation>
    </message>
    <message>
        <source>Logto has no session %1 of user %2: the session no longer exists (it ended, expired or was logged out elsewhere).</source>
        <translation>Logto 中没有用户 %2 的会话 %1：该会话已不存在（已结束、已过期或已在别处注销）。</translation>
    </message>
    <message>
        <source>ending session %1</source>
        <translation>结束会话 %1</translation>
    </message>
</context>
<context>
    <name>MockRpOutcome</name>
    <message>
        <source>dropped by the mock RP&apos;s behaviour</source>
        <translation>已被模拟 RP 的行为设置丢弃</translation>
    </message>
    <message>
        <source>the mock RP answered %1</source>
        <translation>模拟 RP 响应了 %1</translation>
    </message>
    <message>
        <source>the mock RP answered %1: %2</source>
        <translation>模拟 RP 响应了 %1：%2</translation>
    </message>
    <message>
        <source>the RP answered %1</source>
        <translation>依赖方响应了 %1</translation>
    </message>
    <message>
        <source>the RP answered %1: %2</source>
        <translation>依赖方响应了 %1：%2</translation>
    </message>
    <message>
        <source>the relay got no answer from the RP</source>
        <translation>转发未收到依赖方的响应</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Sandbox (built-in)</source>
        <translation>沙盒（内置）</translation>
    </message>
    <message>
        <source>Keycloak</source>
        <translation>Keycloak</translation>
    </message>
    <message>
        <source>Logto</source>
        <translation>Logto</translation>
    </message>
    <message>
        <source>Ory Hydra</source>
        <translation>Ory Hydra</translation>
    </message>
    <message>
        <source>Password grant</source>
        <translation>密码授权</translation>
    </message>
    <message>
        <source>Client credentials</source>
        <translation>客户端凭据</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>请为配置文件指定名称。</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>名为“%1”的配置文件已存在。</translation>
    </message>
    <message>
        <source>Enter the IdP&apos;s base URL, e.g. https://idp.example.com.</source>
        <translation>请输入 IdP 的基础 URL，例如 https://idp.example.com。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid URL: it needs a scheme and a host.</source>
        <translation>“%1”不是有效的 URL：必须包含协议和主机。</translation>
    </message>
    <message>
        <source>The URL must start with https:// (or http:// for a local IdP).</source>
        <translation>URL 必须以 https:// 开头（本地 IdP 可使用 http://）。</translation>
    </message>
    <message>
        <source>Plain http:// is allowed only for an IdP on this machine (127.0.0.1, ::1, localhost); use https:// for %1.</source>
        <translation>仅本机上的 IdP（127.0.0.1、::1、localhost）允许使用明文 http://；%1 请使用 https://。</translation>
    </message>
    <message>
        <source>The base URL must not carry a query, a fragment or credentials.</source>
        <translation>基础 URL 不得包含查询参数、片段或凭据。</translation>
    </message>
    <message>
        <source>Keycloak needs a realm (e.g. master).</source>
        <translation>Keycloak 需要一个领域（例如 master）。</translation>
    </message>
    <message>
        <source>Enter the client id for the password grant (usually admin-cli).</source>
        <translation>请输入密码授权所用的客户端 ID（通常为 admin-cli）。</translation>
    </message>
    <message>
        <source>Enter the admin client id.</source>
        <translation>请输入管理客户端 ID。</translation>
    </message>
    <message>
        <source>The password grant needs a username.</source>
        <translation>密码授权需要用户名。</translation>
    </message>
    <message>
        <source>Logto&apos;s Management API accepts client credentials only.</source>
        <translation>Logto 的 Management API 只接受客户端凭据。</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; cannot be read.</source>
        <translation>无法读取 CA 文件“%1”。</translation>
    </message>
    <message>
        <source>The pinned certificate fingerprint must be a SHA-256 in hex (64 digits, colons allowed).</source>
        <translation>固定的证书指纹必须是十六进制的 SHA-256 值（64 位，允许使用冒号）。</translation>
    </message>
    <message>
        <source>A pinned certificate needs an https:// URL.</source>
        <translation>固定证书需要 https:// URL。</translation>
    </message>
    <message>
        <source>The name is %1 characters long; keep it to %2.</source>
        <translation>名称长 %1 个字符；最多 %2 个。</translation>
    </message>
    <message>
        <source>The name contains control or text-direction characters; use printable text only.</source>
        <translation>名称包含控制字符或文字方向字符；请只使用可打印文本。</translation>
    </message>
</context>
<context>
    <name>ProfileService</name>
    <message>
        <source>Enter the password; it is stored in the OS keychain.</source>
        <translation>请输入密码；密码将存储在操作系统钥匙串中。</translation>
    </message>
    <message>
        <source>Enter the client secret; it is stored in the OS keychain.</source>
        <translation>请输入客户端密钥；密钥将存储在操作系统钥匙串中。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; no longer exists.</source>
        <translation>配置“%1”已不存在。</translation>
    </message>
    <message>
        <source>No profile named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的配置。</translation>
    </message>
    <message>
        <source>The built-in profile &quot;%1&quot; cannot be removed.</source>
        <translation>内置配置“%1”不能删除。</translation>
    </message>
    <message>
        <source>Could not delete the secret of &quot;%1&quot;: %2</source>
        <translation>无法删除“%1”的密钥：%2</translation>
    </message>
    <message>
        <source>The secret is empty.</source>
        <translation>密钥为空。</translation>
    </message>
</context>
<context>
    <name>RpLint</name>
    <message>
        <source>The back-channel URI holds a placeholder (%1) that the IdP fills in per session.</source>
        <translation>后端通道 URI 包含一个占位符（%1），由 IdP 按会话填入。</translation>
    </message>
    <message>
        <source>Nothing to change; the address depends on where each user signed in.</source>
        <translation>无需更改；地址取决于每个用户登录的位置。</translation>
    </message>
    <message>
        <source>The back-channel URI &quot;%1&quot; is relative and the client has no root URL, so the IdP has nowhere to send the logout token.</source>
        <translation>后端通道 URI“%1”是相对地址，且该客户端没有根 URL，因此 IdP 无处发送注销令牌。</translation>
    </message>
    <message>
        <source>Give the client a root URL, or make the back-channel URI absolute.</source>
        <translation>请为该客户端设置根 URL，或将后端通道 URI 改为绝对地址。</translation>
    </message>
    <message>
        <source>The back-channel URI &quot;%1&quot; is not an http(s) URL.</source>
        <translation>后端通道 URI“%1”不是 http(s) URL。</translation>
    </message>
    <message>
        <source>Set an absolute https:// URL of the RP&apos;s back-channel logout endpoint.</source>
        <translation>请设置依赖方后端通道注销端点的绝对 https:// URL。</translation>
    </message>
    <message>
        <source>The logout token goes to %1 over plain http://, readable and forgeable on the way.</source>
        <translation>注销令牌通过明文 http:// 发送到 %1，途中可被读取和伪造。</translation>
    </message>
    <message>
        <source>Use https:// for the back-channel URI.</source>
        <translation>请为后端通道 URI 使用 https://。</translation>
    </message>
    <message>
        <source>%1 is a loopback or private address, which this IdP refuses to post to (its SSRF guard): the RP is silently never told.</source>
        <translation>%1 是环回地址或私有地址，此 IdP 拒绝向其发送请求（SSRF 防护）：该依赖方永远不会收到通知，且没有任何提示。</translation>
    </message>
    <message>
        <source>Use a public address for the RP, or turn the IdP&apos;s protection off where that is safe (Logto: OIDC_PROVIDER_SSRF_PROTECTION_DISABLED=1).</source>
        <translation>请为依赖方使用公网地址，或在安全的情况下关闭 IdP 的此项防护（Logto：OIDC_PROVIDER_SSRF_PROTECTION_DISABLED=1）。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>The client is disabled: the IdP sends it no logout tokens.</source>
        <translation>该客户端已禁用：IdP 不会向其发送注销令牌。</translation>
    </message>
    <message>
        <source>Enable the client if it still has users signed in.</source>
        <translation>如果仍有用户登录该客户端，请将其启用。</translation>
    </message>
    <message>
        <source>No back-channel logout URI: this RP is never told when a user signs out.</source>
        <translation>没有后端通道注销 URI：用户注销时，此依赖方永远不会收到通知。</translation>
    </message>
    <message>
        <source>Register the RP&apos;s back-channel logout endpoint with the IdP.</source>
        <translation>请在 IdP 中注册该依赖方的后端通道注销端点。</translation>
    </message>
    <message>
        <source>Front-channel logout is on: Keycloak then skips the back-channel URI entirely.</source>
        <translation>已启用前端通道注销：Keycloak 会因此完全跳过后端通道 URI。</translation>
    </message>
    <message>
        <source>Turn &quot;Front channel logout&quot; off for this client in Keycloak.</source>
        <translation>请在 Keycloak 中为此客户端关闭“Front channel logout”。</translation>
    </message>
    <message>
        <source>The RP requires a sid in the logout token, but the IdP does not send one: the RP will refuse every token.</source>
        <translation>依赖方要求注销令牌中包含 sid，但 IdP 不发送 sid：该依赖方将拒绝所有令牌。</translation>
    </message>
    <message>
        <source>Turn &quot;session required&quot; off for the RP, or use an IdP that sends sid.</source>
        <translation>请为该依赖方关闭“session required”，或使用会发送 sid 的 IdP。</translation>
    </message>
    <message>
        <source>Keycloak&apos;s &quot;logout all&quot; (realm sessions) sends this OIDC client no logout token.</source>
        <translation>Keycloak 的“logout all”（领域会话）不会向此 OIDC 客户端发送注销令牌。</translation>
    </message>
    <message>
        <source>Log users out per session or per user instead (Signoff does).</source>
        <translation>请改为按会话或按用户注销（Signoff 就是这样做的）。</translation>
    </message>
    <message>
        <source>Deleting a session through Logto&apos;s Management API sends this RP no logout token.</source>
        <translation>通过 Logto 的 Management API 删除会话不会向此依赖方发送注销令牌。</translation>
    </message>
    <message>
        <source>Only a user&apos;s own sign-out (end-session) notifies RPs in Logto.</source>
        <translation>在 Logto 中，只有用户自己注销（end-session）才会通知依赖方。</translation>
    </message>
    <message>
        <source>Hydra&apos;s DELETE …/sessions/login?subject= ends sessions without notifying this RP.</source>
        <translation>Hydra 的 DELETE …/sessions/login?subject= 会结束会话，但不会通知此依赖方。</translation>
    </message>
    <message>
        <source>Revoke per login session (?sid=), which does send logout tokens.</source>
        <translation>请按登录会话撤销（?sid=），这样会发送注销令牌。</translation>
    </message>
    <message>
        <source>The IdP&apos;s discovery document says it does not support back-channel logout.</source>
        <translation>IdP 的发现文档表明它不支持后端通道注销。</translation>
    </message>
    <message>
        <source>Enable back-channel logout in the IdP (or upgrade it).</source>
        <translation>请在 IdP 中启用后端通道注销（或升级 IdP）。</translation>
    </message>
    <message>
        <source>%1 is a loopback or private address: Logto 1.42 and later silently refuse to post to it unless its SSRF protection is turned off (1.37–1.41 post to it).</source>
        <translation>%1 是回环或私有地址：Logto 1.42 及更高版本在未关闭 SSRF 防护时会静默拒绝向其发送（1.37–1.41 会发送）。</translation>
    </message>
    <message>
        <source>Use a public address for the RP, or check that the IdP runs with OIDC_PROVIDER_SSRF_PROTECTION_DISABLED=1.</source>
        <translation>请为该 RP 使用公网地址，或确认 IdP 以 OIDC_PROVIDER_SSRF_PROTECTION_DISABLED=1 运行。</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>The sandbox&apos;s admin secret is kept in the keychain, which failed: %1</source>
        <translation>沙盒的管理员密钥保存在钥匙串中，但访问钥匙串失败：%1</translation>
    </message>
    <message>
        <source>Could not create the sandbox&apos;s data folder %1.</source>
        <translation>无法创建沙盒的数据文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not make the sandbox&apos;s data folder %1 private (0700).</source>
        <translation>无法将沙盒的数据文件夹 %1 设为私有（0700）。</translation>
    </message>
    <message>
        <source>Could not write the sandbox&apos;s admin secret to %1: %2</source>
        <translation>无法将沙盒的管理密钥写入 %1：%2</translation>
    </message>
    <message>
        <source>the keychain (%1)</source>
        <translation>钥匙串（%1）</translation>
    </message>
    <message>
        <source>port %1 is taken by something else (issuer %2)</source>
        <translation>端口 %1 已被其他程序占用（签发者 %2）</translation>
    </message>
    <message>
        <source>the sandbox exited during start: %1</source>
        <translation>沙盒在启动过程中退出：%1</translation>
    </message>
    <message>
        <source>the sandbox did not answer within %1 s (log: %2)</source>
        <translation>沙盒未在 %1 秒内响应（日志：%2）</translation>
    </message>
    <message>
        <source>a sandbox answers at %1 but has no pid file in %2; stop it where it was started</source>
        <translation>%1 上有沙盒响应，但 %2 中没有 pid 文件；请在启动它的地方将其停止</translation>
    </message>
    <message>
        <source>the sandbox (pid %1) ignored SIGTERM and was killed</source>
        <translation>沙盒（pid %1）忽略了 SIGTERM，已被强制终止</translation>
    </message>
</context>
<context>
    <name>SandboxConnector</name>
    <message>
        <source>The sandbox does not accept Signoff&apos;s admin secret: it was started with another one (stop it and let Signoff start it).</source>
        <translation>沙盒不接受 Signoff 的管理密钥：它是用另一个密钥启动的（请将其停止，让 Signoff 来启动它）。</translation>
    </message>
    <message>
        <source>an admin token</source>
        <translation>管理令牌</translation>
    </message>
    <message>
        <source>discovery document</source>
        <translation>发现文档</translation>
    </message>
    <message>
        <source>The IdP answered %1 with something that is not JSON (%2).</source>
        <translation>IdP 对 %1 的响应不是 JSON（%2）。</translation>
    </message>
    <message>
        <source>The sandbox accepted %1 but named no run to follow.</source>
        <translation>沙盒接受了 %1，但未指明要跟踪的运行。</translation>
    </message>
    <message>
        <source>The IdP answered %1 with something that is not a JSON object (%2).</source>
        <translation>IdP 对 %1 的响应不是 JSON 对象（%2）。</translation>
    </message>
    <message>
        <source>A sandbox logout call takes 1 to %1 sessions, not %2.</source>
        <translation>沙盒的一次注销调用接受 1 到 %1 个会话，而不是 %2 个。</translation>
    </message>
    <message>
        <source>A sandbox resend call takes 1 to %1 deliveries, not %2.</source>
        <translation>沙盒的一次重发调用接受 1 到 %1 个投递，而不是 %2 个。</translation>
    </message>
    <message>
        <source>This sandbox cannot send logout tokens again (it has no %1): restart it from this version of Signoff.</source>
        <translation>此沙盒无法重新发送注销令牌（它没有 %1）：请使用此版本的 Signoff 重新启动它。</translation>
    </message>
    <message>
        <source>The IdP answered /admin/sessions/{uid} without a session.</source>
        <translation>IdP 对 /admin/sessions/{uid} 的响应中没有会话。</translation>
    </message>
    <message>
        <source>The sandbox connection was closed during the lookup.</source>
        <translation>查询期间与沙盒的连接已关闭。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Back-channel logout console</source>
        <translation>后端通道注销控制台</translation>
    </message>
    <message>
        <source>Open on page N (1 = Profiles … 6 = History).</source>
        <translation>启动时打开第 N 页（1 = 配置文件 … 6 = 历史记录）。</translation>
    </message>
    <message>
        <source>Seed N demo sessions when Signoff starts the sandbox.</source>
        <translation>Signoff 启动沙盒时创建 N 个演示会话。</translation>
    </message>
</context>
<context>
    <name>signoff::AboutDialog</name>
    <message>
        <source>About Signoff</source>
        <translation>关于 Signoff</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Signoff %1&lt;/h2&gt;&lt;p&gt;A console for OpenID Connect back-channel logout: who is signed in where, force sign-outs, and whether every relying party was told.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2 (built with %3)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenSSL&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QtKeychain&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;Signoff %1&lt;/h2&gt;&lt;p&gt;OpenID Connect 后端通道注销控制台：查看谁在何处登录、强制注销，以及是否已通知每个依赖方。&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2（使用 %3 构建）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenSSL&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;QtKeychain&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>signoff::DeliveriesPage</name>
    <message>
        <source>Select an RP to chart it; Enter on a count shows those deliveries</source>
        <translation>选择一个依赖方以显示其图表；在某个计数上按 Enter 可显示相应的投递</translation>
    </message>
    <message>
        <source>The run shown: the newest one starts selected</source>
        <translation>显示的运行：默认选中最新的一次</translation>
    </message>
    <message>
        <source>All runs of this session</source>
        <translation>自 Signoff 启动以来的所有运行</translation>
    </message>
    <message>
        <source>R&amp;un:</source>
        <translation>运行(&amp;U)：</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>取消运行</translation>
    </message>
    <message>
        <source>Stop sending (Esc); what was already sent keeps being reported</source>
        <translation>停止发送（Esc）；已发送的内容仍会继续报告结果</translation>
    </message>
    <message>
        <source>Retry &amp;failed</source>
        <translation>重试失败项(&amp;F)</translation>
    </message>
    <message>
        <source>Send the failed and timed-out deliveries of this run again, where the IdP can</source>
        <translation>在 IdP 支持的情况下，重新发送本次运行中失败和超时的投递</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Every relying party</source>
        <translation>所有依赖方</translation>
    </message>
    <message>
        <source>Filter by user, session, RP or error (Ctrl+F)</source>
        <translation>按用户、会话、依赖方或错误筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No logout in this session yet: start one from the Sessions or Relying parties page.</source>
        <translation>自 Signoff 启动以来尚无注销：请从“会话”或“依赖方”页面发起。</translation>
    </message>
    <message>
        <source>%1 runs, %2 deliveries.</source>
        <translation>%1 次运行，%2 个投递。</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>%1 on %2: %3 of %4 deliveries settled — %5 delivered, %6 failed, %7 timed out, %8 unconfirmed, %9 skipped.</source>
        <translation>%1（%2）：%4 个投递中已有 %3 个得出结果 — %5 个已投递，%6 个失败，%7 个超时，%8 个未确认，%9 个已跳过。</translation>
    </message>
    <message>
        <source>Cancelling: sessions not yet handed to the IdP are skipped; what was sent is still reported.</source>
        <translation>正在取消：尚未交给 IdP 的会话将被跳过；已发送的内容仍会报告结果。</translation>
    </message>
    <message numerus="yes">
        <source>Sending %n delivery(s) again…</source>
        <translation>
            <numerusform>正在重新发送 %n 个投递…</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry not started: %1</source>
        <translation>重试未启动：%1</translation>
    </message>
</context>
<context>
    <name>signoff::DeliveryChart</name>
    <message>
        <source>The relying party the charts show (or pick one in the summary)</source>
        <translation>图表所显示的依赖方（也可在摘要中选择）</translation>
    </message>
    <message>
        <source>Latency over time</source>
        <translation>延迟随时间的变化</translation>
    </message>
    <message>
        <source>s since the start</source>
        <translation>自开始以来的秒数</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>C&amp;hart of:</source>
        <translation>图表(&amp;H)：</translation>
    </message>
    <message>
        <source>No deliveries yet.</source>
        <translation>尚无投递。</translation>
    </message>
    <message>
        <source>%1: %2 answered deliveries, %3 of them plotted.</source>
        <translation>%1：%2 个已响应的投递，其中绘制了 %3 个。</translation>
    </message>
    <message>
        <source>%1: %2 answered deliveries.</source>
        <translation>%1：%2 个已响应的投递。</translation>
    </message>
</context>
<context>
    <name>signoff::DeliveryDetailsDialog</name>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Delivery details</source>
        <translation>投递详情</translation>
    </message>
    <message>
        <source>State: &lt;b&gt;%1&lt;/b&gt; (decided by %2)</source>
        <translation>状态：&lt;b&gt;%1&lt;/b&gt;（由 %2 判定）</translation>
    </message>
    <message>
        <source>HTTP status: %1, latency: %2</source>
        <translation>HTTP 状态：%1，延迟：%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Session %1, user id %2, sid %3</source>
        <translation>会话 %1，用户 ID %2，sid %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Run %1; reported by: %2</source>
        <translation>运行 %1；报告方：%2</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>Error or reason</source>
        <translation>错误或原因</translation>
    </message>
    <message>
        <source>Logout token</source>
        <translation>注销令牌</translation>
    </message>
    <message>
        <source>No source saw the token: point the RP&apos;s back-channel URI at a mock RP or the relay to see it.</source>
        <translation>没有任何来源看到该令牌：将依赖方的后端通道 URI 指向模拟 RP 或转发即可查看。</translation>
    </message>
    <message>
        <source>Logout token header</source>
        <translation>注销令牌头部</translation>
    </message>
    <message>
        <source>Logout token claims</source>
        <translation>注销令牌声明</translation>
    </message>
    <message>
        <source>jti: %1</source>
        <translation>jti：%1</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>The token passed every rule.</source>
        <translation>该令牌通过了所有规则。</translation>
    </message>
    <message>
        <source>The token failed at least one rule.</source>
        <translation>该令牌至少有一条规则未通过。</translation>
    </message>
</context>
<context>
    <name>signoff::DeliveryModel</name>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1（ID %2）</translation>
    </message>
    <message>
        <source>Decided by: %1</source>
        <translation>判定方：%1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Relying party</source>
        <translation>依赖方</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Error or reason</source>
        <translation>错误或原因</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>signoff::DemoRpPanel</name>
    <message>
        <source>Sandbox RPs</source>
        <translation>沙盒依赖方</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>发送至</translation>
    </message>
    <message>
        <source>Back-channel URI</source>
        <translation>后端通道 URI</translation>
    </message>
    <message>
        <source>Point at &amp;mock RP</source>
        <translation>指向模拟 RP(&amp;M)</translation>
    </message>
    <message>
        <source>The selected RP&apos;s logout tokens go to the selected mock RP (its client id is set to the RP&apos;s, so the aud rule checks what the RP would)</source>
        <translation>所选依赖方的注销令牌将发送到所选模拟 RP（其客户端 ID 会设为该依赖方的客户端 ID，因此 aud 规则的检查与该依赖方一致）</translation>
    </message>
    <message>
        <source>Point at rela&amp;y</source>
        <translation>指向转发(&amp;Y)</translation>
    </message>
    <message>
        <source>The selected mock RP checks each token and forwards it to the RP&apos;s own endpoint</source>
        <translation>所选模拟 RP 会检查每个令牌，并将其转发到依赖方自己的端点</translation>
    </message>
    <message>
        <source>Point &amp;back</source>
        <translation>指回原处(&amp;B)</translation>
    </message>
    <message>
        <source>Restore the RP&apos;s own back-channel URI</source>
        <translation>恢复依赖方自己的后端通道 URI</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Pointing RPs at a mock RP needs the Sandbox profile; with another IdP, set the RP&apos;s back-channel URI to the mock RP&apos;s endpoint in the IdP&apos;s own console.</source>
        <translation>将依赖方指向模拟 RP 需要沙盒配置文件；如果使用其他 IdP，请在该 IdP 自己的控制台中将依赖方的后端通道 URI 设为模拟 RP 的端点。</translation>
    </message>
    <message>
        <source>Loading the sandbox&apos;s RPs…</source>
        <translation>正在加载沙盒的依赖方…</translation>
    </message>
    <message>
        <source>nothing (no URI)</source>
        <translation>无（没有 URI）</translation>
    </message>
    <message>
        <source>nothing (URI removed)</source>
        <translation>无（URI 已移除）</translation>
    </message>
    <message>
        <source>mock RP &quot;%1&quot;</source>
        <translation>模拟 RP“%1”</translation>
    </message>
    <message>
        <source>relay &quot;%1&quot;</source>
        <translation>转发“%1”</translation>
    </message>
    <message>
        <source>%1 (stopped)</source>
        <translation>%1（已停止）</translation>
    </message>
    <message>
        <source>its own endpoint</source>
        <translation>其自身端点</translation>
    </message>
    <message>
        <source>elsewhere (not a mock RP here)</source>
        <translation>其他位置（不是此处的模拟 RP）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 sends to its own endpoint %2</source>
        <translation>%1 发送到其自身端点 %2</translation>
    </message>
    <message>
        <source>%1 sends to %2; its own: %3</source>
        <translation>%1 发送到 %2；其自身端点：%3</translation>
    </message>
    <message>
        <source>%1 has no endpoint of its own to relay to.</source>
        <translation>%1 没有可供转发的自身端点。</translation>
    </message>
    <message>
        <source>The mock RP did not start: %1</source>
        <translation>模拟 RP 未能启动：%1</translation>
    </message>
    <message>
        <source>Pointing %1 at %2…</source>
        <translation>正在将 %1 指向 %2…</translation>
    </message>
    <message>
        <source>%1 now sends its logout tokens to relay &quot;%2&quot;, which forwards them to %3.</source>
        <translation>%1 现在将注销令牌发送到转发“%2”，再由其转发到 %3。</translation>
    </message>
    <message>
        <source>%1 now sends its logout tokens to mock RP &quot;%2&quot;.</source>
        <translation>%1 现在将注销令牌发送到模拟 RP“%2”。</translation>
    </message>
    <message>
        <source>%1 sends its logout tokens to %2 again.</source>
        <translation>%1 重新将注销令牌发送到 %2。</translation>
    </message>
    <message>
        <source>nowhere (it has no URI of its own)</source>
        <translation>无处可发（它没有自己的 URI）</translation>
    </message>
</context>
<context>
    <name>signoff::ErrorBanner</name>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
</context>
<context>
    <name>signoff::HistoryDeliveryModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Relying party</source>
        <translation>依赖方</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>signoff::HistoryPage</name>
    <message>
        <source>&lt;h2&gt;History&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;历史记录&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>The history is not available, so logout runs are not being kept: %1</source>
        <translation>历史记录不可用，因此不会保存注销运行：%1</translation>
    </message>
    <message>
        <source>Filter runs (profile, scope, status, run id)…</source>
        <translation>筛选运行（配置文件、范围、状态、运行 ID）…</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Only runs with a delivery in this state, and only those deliveries</source>
        <translation>仅显示含有此状态投递的运行，且仅显示这些投递</translation>
    </message>
    <message>
        <source>Relying party (client id)</source>
        <translation>依赖方（客户端 ID）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the history again (F5)</source>
        <translation>重新读取历史记录（F5）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the selected run (with nothing selected: all runs matching the state and relying-party filters) as CSV or JSON (Ctrl+E)</source>
        <translation>将所选运行（未选择时：所有符合状态和依赖方筛选条件的运行）写出为 CSV 或 JSON（Ctrl+E）</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s). Select one to see its deliveries.</source>
        <translation>
            <numerusform>%n 次运行。选择一次运行以查看其投递。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1: the first %n deliveries are shown; Export… writes all of them.</source>
        <translation>
            <numerusform>运行 %1：仅显示前 %n 个投递；“导出…”会写出全部投递。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run %1: %n delivery(ies) shown.</source>
        <translation>
            <numerusform>运行 %1：显示 %n 个投递。</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <source>Exported all runs matching the state and relying-party filters to %1 (token signatures redacted).</source>
        <translation>已将所有符合状态和依赖方筛选条件的运行导出到 %1（令牌签名已隐去）。</translation>
    </message>
    <message>
        <source>Exported run %1 to %2 (token signatures redacted).</source>
        <translation>已将运行 %1 导出到 %2（令牌签名已隐去）。</translation>
    </message>
</context>
<context>
    <name>signoff::HistoryRunModel</name>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Running (or interrupted)</source>
        <translation>运行中（或已中断）</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已投递</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Unconfirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
</context>
<context>
    <name>signoff::HistoryStore</name>
    <message>
        <source>The history is closed</source>
        <translation>历史记录已关闭</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>its schema version cannot be read</source>
        <translation>无法读取其架构版本</translation>
    </message>
    <message>
        <source>it was written by a newer Signoff (schema %1; this one knows %2)</source>
        <translation>它由更新版本的 Signoff 写入（架构 %1；此版本支持 %2）</translation>
    </message>
    <message>
        <source>History database: %1: %2</source>
        <translation>历史数据库：%1：%2</translation>
    </message>
    <message>
        <source>Cannot create the history database %1: %2</source>
        <translation>无法创建历史数据库 %1：%2</translation>
    </message>
    <message>
        <source>Cannot make the history database %1 private: %2</source>
        <translation>无法将历史数据库 %1 设为私有：%2</translation>
    </message>
    <message>
        <source>Cannot create the folder for the history database %1</source>
        <translation>无法为历史数据库 %1 创建文件夹</translation>
    </message>
    <message>
        <source>The history database %1 is not a file</source>
        <translation>历史数据库 %1 不是文件</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt (QSQLITE) is not installed</source>
        <translation>未安装 Qt 的 SQLite 驱动（QSQLITE）</translation>
    </message>
    <message>
        <source>Cannot open the history database %1: %2</source>
        <translation>无法打开历史数据库 %1：%2</translation>
    </message>
    <message>
        <source>Cannot use the history database %1: %2</source>
        <translation>无法使用历史数据库 %1：%2</translation>
    </message>
    <message>
        <source>cannot start a transaction</source>
        <translation>无法开始事务</translation>
    </message>
    <message>
        <source>cannot commit</source>
        <translation>无法提交</translation>
    </message>
    <message>
        <source>History database: a run without an id cannot be saved</source>
        <translation>历史数据库：无法保存没有 ID 的运行</translation>
    </message>
    <message>
        <source>cannot save run %1</source>
        <translation>无法保存运行 %1</translation>
    </message>
    <message>
        <source>cannot save the delivery of session %1 to %2</source>
        <translation>无法保存会话 %1 到 %2 的投递</translation>
    </message>
    <message>
        <source>cannot save a request of mock RP %1</source>
        <translation>无法保存模拟 RP %1 的请求</translation>
    </message>
    <message>
        <source>cannot read runs</source>
        <translation>无法读取运行</translation>
    </message>
    <message>
        <source>cannot read deliveries</source>
        <translation>无法读取投递</translation>
    </message>
    <message>
        <source>cannot read mock RP requests</source>
        <translation>无法读取模拟 RP 请求</translation>
    </message>
    <message>
        <source>cannot purge runs</source>
        <translation>无法清除运行</translation>
    </message>
    <message>
        <source>cannot purge mock RP requests</source>
        <translation>无法清除模拟 RP 请求</translation>
    </message>
</context>
<context>
    <name>signoff::IdpConnector</name>
    <message>
        <source>This IdP&apos;s admin API cannot end sessions.</source>
        <translation>此 IdP 的管理 API 无法结束会话。</translation>
    </message>
    <message>
        <source>This IdP cannot send a logout token again.</source>
        <translation>此 IdP 无法重新发送注销令牌。</translation>
    </message>
</context>
<context>
    <name>signoff::LogoutConfirmDialog</name>
    <message>
        <source>Log out — %1</source>
        <translation>注销 — %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Log out %1 session(s) of %2 user(s)&lt;/b&gt; — %3</source>
        <translation>&lt;b&gt;注销 %2 个用户的 %1 个会话&lt;/b&gt; — %3</translation>
    </message>
    <message>
        <source>%1 of %2 relying parties will be notified; the others will not, for the reasons below.</source>
        <translation>%2 个依赖方中将通知 %1 个；其余依赖方不会收到通知，原因见下文。</translation>
    </message>
    <message>
        <source>How many sessions are ended at the same time</source>
        <translation>同时结束的会话数</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>并发数(&amp;C)：</translation>
    </message>
    <message>
        <source>Type the number of sessions (%1) to confirm:</source>
        <translation>输入会话数（%1）以确认：</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Log out %n session(s)</source>
        <translation>
            <numerusform>注销 %n 个会话(&amp;L)</numerusform>
        </translation>
    </message>
    <message>
        <source>Relying party</source>
        <translation>依赖方</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Notified</source>
        <translation>是否通知</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>signoff::LogoutFlow</name>
    <message>
        <source>Logout is not available in this build.</source>
        <translation>此构建不提供注销功能。</translation>
    </message>
    <message>
        <source>No active profile: choose one on the Profiles page.</source>
        <translation>无活动配置文件：请在“配置文件”页面中选择一个。</translation>
    </message>
    <message>
        <source>Select the sessions to log out first.</source>
        <translation>请先选择要注销的会话。</translation>
    </message>
    <message>
        <source>Could not prepare the logout: %1</source>
        <translation>无法准备注销：%1</translation>
    </message>
</context>
<context>
    <name>signoff::MainWindow</name>
    <message>
        <source>Signoff</source>
        <translation>Signoff</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>Relying parties</source>
        <translation>依赖方</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>投递</translation>
    </message>
    <message>
        <source>Mock RPs</source>
        <translation>模拟 RP</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Signoff</source>
        <translation>关于 Signoff(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Not connected (connector not available yet)</source>
        <translation>未连接（连接器尚不可用）</translation>
    </message>
    <message>
        <source>Active profile: %1</source>
        <translation>当前配置文件：%1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>配置文件：%1</translation>
    </message>
    <message>
        <source>No active profile</source>
        <translation>无活动配置文件</translation>
    </message>
    <message>
        <source>Sandbox not started</source>
        <translation>沙盒未启动</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>沙盒</translation>
    </message>
    <message>
        <source>Sandbox: reading its admin secret…</source>
        <translation>沙盒：正在读取管理密钥…</translation>
    </message>
    <message>
        <source>No Secret Service is reachable: the sandbox&apos;s admin secret is kept in %1 (readable by you only).</source>
        <translation>无法连接 Secret Service：沙盒的管理密钥保存在 %1（仅您可读）。</translation>
    </message>
    <message>
        <source>Stopping the sandbox…</source>
        <translation>正在停止沙盒…</translation>
    </message>
    <message>
        <source>History not kept</source>
        <translation>未保存历史记录</translation>
    </message>
</context>
<context>
    <name>signoff::MockRequestDetails</name>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Select a request to see its token, claims and every rule&apos;s verdict.</source>
        <translation>选择一个请求以查看其令牌、声明以及每条规则的判定结果。</translation>
    </message>
    <message>
        <source>Raw token:</source>
        <translation>原始令牌：</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>复制令牌</translation>
    </message>
    <message>
        <source>answered %1 after %2 ms (rules alone: %3; behaviour %4)</source>
        <translation>%2 ms 后响应 %1（仅按规则：%3；行为 %4）</translation>
    </message>
    <message>
        <source>nothing (dropped)</source>
        <translation>无（已丢弃）</translation>
    </message>
    <message>
        <source>Refused before any token was read: %1</source>
        <translation>在读取任何令牌之前即被拒绝：%1</translation>
    </message>
    <message>
        <source>The logout token is valid.</source>
        <translation>该注销令牌有效。</translation>
    </message>
    <message>
        <source>The logout token is invalid: %1</source>
        <translation>该注销令牌无效：%1</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation>判定结果</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>头部</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Verified with key %1</source>
        <translation>已使用密钥 %1 验证</translation>
    </message>
    <message>
        <source>no answer: %1</source>
        <translation>无响应：%1</translation>
    </message>
    <message>
        <source>%1 after %2 ms</source>
        <translation>%2 ms 后返回 %1</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>转发</translation>
    </message>
</context>
<context>
    <name>signoff::MockRequestModel</name>
    <message>
        <source>dropped</source>
        <translation>已丢弃</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1 (%2 ms)</source>
        <translation>%1（%2 ms）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Mock RP</source>
        <translation>模拟 RP</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Failed rules</source>
        <translation>未通过的规则</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>转发</translation>
    </message>
</context>
<context>
    <name>signoff::MockRpForm</name>
    <message>
        <source>%1: &quot;%2&quot; is not an http or https URL</source>
        <translation>%1：“%2”不是 http 或 https URL</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>Listen &amp;on:</source>
        <translation>监听地址(&amp;O)：</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Pat&amp;h:</source>
        <translation>路径(&amp;H)：</translation>
    </message>
    <message>
        <source>the IdP&apos;s issuer, exactly as in its tokens</source>
        <translation>IdP 的签发者，须与其令牌中的完全一致</translation>
    </message>
    <message>
        <source>the RP&apos;s client id: the token&apos;s aud</source>
        <translation>依赖方的客户端 ID：即令牌的 aud</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>签发者(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>客户端 ID(&amp;C)：</translation>
    </message>
    <message>
        <source>Discovery URL</source>
        <translation>发现 URL</translation>
    </message>
    <message>
        <source>JWKS URI</source>
        <translation>JWKS URI</translation>
    </message>
    <message>
        <source>None (HS* only)</source>
        <translation>无（仅 HS*）</translation>
    </message>
    <message>
        <source>&amp;Keys from:</source>
        <translation>密钥来源(&amp;K)：</translation>
    </message>
    <message>
        <source>Accepted algorithms, comma-separated: %1</source>
        <translation>接受的算法，以逗号分隔：%1</translation>
    </message>
    <message>
        <source>Al&amp;gorithms:</source>
        <translation>算法(&amp;G)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Allow a missing e&amp;xp</source>
        <translation>允许缺少 exp(&amp;X)</translation>
    </message>
    <message>
        <source>Require typ logout+jwt</source>
        <translation>要求 typ 为 logout+jwt</translation>
    </message>
    <message>
        <source>Clock ske&amp;w:</source>
        <translation>时钟偏差(&amp;W)：</translation>
    </message>
    <message>
        <source>only for HS256/384/512; kept in memory, never saved</source>
        <translation>仅用于 HS256/384/512；仅保存在内存中，从不写入磁盘</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>客户端密钥(&amp;E)：</translation>
    </message>
    <message>
        <source>Answer as the rules say (ok)</source>
        <translation>按规则结果响应（ok）</translation>
    </message>
    <message>
        <source>Answer with status</source>
        <translation>以指定状态码响应</translation>
    </message>
    <message>
        <source>Delay the answer (ms)</source>
        <translation>延迟响应（ms）</translation>
    </message>
    <message>
        <source>Drop the connection</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Flaky: fail this % of requests</source>
        <translation>不稳定：使此百分比（%）的请求失败</translation>
    </message>
    <message>
        <source>Beha&amp;viour:</source>
        <translation>行为(&amp;V)：</translation>
    </message>
    <message>
        <source>relay: forward every token to this URL (optional)</source>
        <translation>转发：将每个令牌转发到此 URL（可选）</translation>
    </message>
    <message>
        <source>&amp;Relay to:</source>
        <translation>转发到(&amp;R)：</translation>
    </message>
    <message>
        <source>HTTP (no TLS)</source>
        <translation>HTTP（无 TLS）</translation>
    </message>
    <message>
        <source>HTTPS, self-signed certificate</source>
        <translation>HTTPS，自签名证书</translation>
    </message>
    <message>
        <source>HTTPS, certificate and key files</source>
        <translation>HTTPS，证书和密钥文件</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>TLS(&amp;T)：</translation>
    </message>
    <message>
        <source>certificate (PEM)</source>
        <translation>证书（PEM）</translation>
    </message>
    <message>
        <source>private key (PEM)</source>
        <translation>私钥（PEM）</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>端点：</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the certificate&apos;s SHA-256 fingerprint</source>
        <translation>复制证书的 SHA-256 指纹</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Certificate (PEM)</source>
        <translation>证书（PEM）</translation>
    </message>
    <message>
        <source>Private key (PEM)</source>
        <translation>私钥（PEM）</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>https://idp.example/jwks</source>
        <translation>https://idp.example/jwks</translation>
    </message>
    <message>
        <source>https://idp.example/.well-known/openid-configuration</source>
        <translation>https://idp.example/.well-known/openid-configuration</translation>
    </message>
    <message>
        <source>Behaviour: %1</source>
        <translation>行为：%1</translation>
    </message>
    <message>
        <source>Listen on: &quot;%1&quot; is not an IP address</source>
        <translation>监听地址：“%1”不是 IP 地址</translation>
    </message>
    <message>
        <source>Algorithms: &quot;%1&quot; is not a JWS algorithm (%2)</source>
        <translation>算法：“%1”不是 JWS 算法（%2）</translation>
    </message>
    <message>
        <source>Relay to</source>
        <translation>转发到</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>(no TLS)</source>
        <translation>（无 TLS）</translation>
    </message>
</context>
<context>
    <name>signoff::MockRpsPage</name>
    <message>
        <source>No mock RP workspace.</source>
        <translation>没有模拟 RP 工作区。</translation>
    </message>
    <message>
        <source>The keys could not be loaded, so every signature fails: %1</source>
        <translation>无法加载密钥，因此所有签名验证都会失败：%1</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add a mock RP with the active profile&apos;s defaults (Ctrl+N)</source>
        <translation>使用当前配置文件的默认值添加模拟 RP（Ctrl+N）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Stop and remove the selected mock RP (Delete)</source>
        <translation>停止并移除所选模拟 RP（Delete）</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Start or stop the selected mock RP (Ctrl+R)</source>
        <translation>启动或停止所选模拟 RP（Ctrl+R）</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>应用(&amp;P)</translation>
    </message>
    <message>
        <source>Keep these settings; a running mock RP restarts with them</source>
        <translation>保留这些设置；正在运行的模拟 RP 将使用这些设置重新启动</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>Forget the requests listed here</source>
        <translation>清除此处列出的请求</translation>
    </message>
    <message>
        <source>Mock RP</source>
        <translation>模拟 RP</translation>
    </message>
    <message>
        <source>The mock RP stopped: it could not restart with these settings: %1</source>
        <translation>模拟 RP 已停止：无法使用这些设置重新启动：%1</translation>
    </message>
    <message>
        <source>The mock RP did not start: %1</source>
        <translation>模拟 RP 未能启动：%1</translation>
    </message>
    <message>
        <source>%1 — running at %2</source>
        <translation>%1 — 运行于 %2</translation>
    </message>
    <message>
        <source>%1 — stopped</source>
        <translation>%1 — 已停止</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>The details of the last %1 requests are kept; this one is older.</source>
        <translation>仅保留最近 %1 个请求的详情；此请求更早。</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 个请求</translation>
    </message>
    <message>
        <source> (%1 older ones left the list)</source>
        <translation>（%1 个较早的请求已移出列表）</translation>
    </message>
</context>
<context>
    <name>signoff::ProfileDialog</name>
    <message>
        <source>Add profile</source>
        <translation>添加配置文件</translation>
    </message>
    <message>
        <source>Edit profile &quot;%1&quot;</source>
        <translation>编辑配置文件“%1”</translation>
    </message>
    <message>
        <source>Leave empty to keep the secret in the keychain</source>
        <translation>留空则保留钥匙串中的密钥</translation>
    </message>
    <message>
        <source>Stored only in the OS keychain</source>
        <translation>仅存储在操作系统钥匙串中</translation>
    </message>
    <message>
        <source>optional: SHA-256 of the server certificate</source>
        <translation>可选：服务器证书的 SHA-256</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Extra CA certificates</source>
        <translation>额外的 CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM 证书 (*.pem *.crt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Realm:</source>
        <translation>领域(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;IdP:</source>
        <translation>IdP(&amp;I)：</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>基础 URL(&amp;U)：</translation>
    </message>
    <message>
        <source>Admin &amp;auth:</source>
        <translation>管理员认证(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation>客户端 ID(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>密钥(&amp;S)：</translation>
    </message>
    <message>
        <source>Extra &amp;CA file:</source>
        <translation>额外的 CA 文件(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Pinned SHA-256:</source>
        <translation>固定的 SHA-256(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>租户(&amp;T)：</translation>
    </message>
    <message>
        <source>default (self-hosted)</source>
        <translation>default（自托管）</translation>
    </message>
    <message>
        <source>Saving the secret in the keychain…</source>
        <translation>正在将密钥保存到钥匙串…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>signoff::ProfileListModel</name>
    <message>
        <source>Built-in: Signoff starts the local sandbox IdP for this profile.</source>
        <translation>内置：Signoff 会为此配置文件启动本地沙盒 IdP。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>IdP</source>
        <translation>IdP</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Admin auth</source>
        <translation>管理员认证</translation>
    </message>
</context>
<context>
    <name>signoff::ProfileStore</name>
    <message>
        <source>Could not write the profiles to %1 (is the disk full or the file read-only?).</source>
        <translation>无法将配置文件写入 %1（磁盘是否已满，或文件是否为只读？）。</translation>
    </message>
    <message>
        <source>No profile with id &quot;%1&quot;.</source>
        <translation>没有 ID 为“%1”的配置文件。</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (副本)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (副本 %2)</translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation>沙盒</translation>
    </message>
    <message>
        <source>Sandbox %1</source>
        <translation>沙盒 %1</translation>
    </message>
</context>
<context>
    <name>signoff::ProfilesPage</name>
    <message>
        <source>A profile says how Signoff reaches an IdP&apos;s admin API. Secrets are kept only in the OS keychain.</source>
        <translation>配置文件指定 Signoff 如何访问 IdP 的管理 API。密钥仅保存在操作系统钥匙串中。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>复制(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Use this profile</source>
        <translation>使用此配置文件(&amp;U)</translation>
    </message>
    <message>
        <source>Saved profile &quot;%1&quot;.</source>
        <translation>已保存配置文件“%1”。</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>移除配置文件</translation>
    </message>
    <message>
        <source>Remove the profile &quot;%1&quot; and delete its secret from the keychain?</source>
        <translation>要移除配置文件“%1”并从钥匙串中删除其密钥吗？</translation>
    </message>
    <message>
        <source>Removed profile &quot;%1&quot;.</source>
        <translation>已移除配置文件“%1”。</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>正在测试 %1…</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>Connected to %1 (%2).</source>
        <translation>已连接到 %1（%2）。</translation>
    </message>
    <message>
        <source>version not reported</source>
        <translation>未报告版本</translation>
    </message>
    <message numerus="yes">
        <source>%n relying part(ies).</source>
        <translation>
            <numerusform>%n 个依赖方。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active session(s).</source>
        <translation>
            <numerusform>%n 个活动会话。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>signoff::RelyingPartiesPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Reload the relying parties (F5)</source>
        <translation>重新加载依赖方 (F5)</translation>
    </message>
    <message>
        <source>Select a relying party to see what each finding means and how to fix it.</source>
        <translation>选择一个依赖方，查看每项检查结果的含义及修复方法。</translation>
    </message>
    <message>
        <source>No active profile: choose one on the Profiles page.</source>
        <translation>无活动配置文件：请在“配置文件”页面中选择一个。</translation>
    </message>
    <message>
        <source>Loading the relying parties of %1…</source>
        <translation>正在加载 %1 的依赖方…</translation>
    </message>
    <message>
        <source>Could not load the relying parties of %1.</source>
        <translation>无法加载 %1 的依赖方。</translation>
    </message>
    <message>
        <source>%1: relying parties: %2; with settings that break logout: %3</source>
        <translation>%1：依赖方：%2；存在破坏注销的设置：%3</translation>
    </message>
    <message>
        <source>Client id: %1</source>
        <translation>客户端 ID：%1</translation>
    </message>
    <message>
        <source>Back-channel logout URI: %1</source>
        <translation>后端通道注销 URI：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>No findings: nothing in its settings stops back-channel logout.</source>
        <translation>没有发现问题：其设置中没有任何内容会阻止后端通道注销。</translation>
    </message>
    <message>
        <source>How to fix:</source>
        <translation>修复方法：</translation>
    </message>
    <message>
        <source>&amp;Log out every session of this RP…</source>
        <translation>注销此依赖方的所有会话(&amp;L)…</translation>
    </message>
    <message>
        <source>End every session that includes the selected relying party</source>
        <translation>结束包含所选依赖方的所有会话</translation>
    </message>
    <message>
        <source>Select the relying party whose sessions to log out first.</source>
        <translation>请先选择要注销其会话的依赖方。</translation>
    </message>
</context>
<context>
    <name>signoff::RelyingPartyModel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 条提示</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Back-channel logout URI</source>
        <translation>后端通道注销 URI</translation>
    </message>
    <message>
        <source>sid required</source>
        <translation>需要 sid</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
</context>
<context>
    <name>signoff::RpSummaryModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Relying party</source>
        <translation>依赖方</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
</context>
<context>
    <name>signoff::SandboxClientEditor</name>
    <message>
        <source>The sandbox does not report default back-channel URIs: it is too old to repoint its RPs.</source>
        <translation>沙盒未报告默认的后端通道 URI：其版本太旧，无法重新指向其依赖方。</translation>
    </message>
    <message>
        <source>the change of %1&apos;s back-channel URI</source>
        <translation>更改 %1 的后端通道 URI</translation>
    </message>
</context>
<context>
    <name>signoff::SandboxEventStream</name>
    <message>
        <source>The sandbox&apos;s event stream was closed.</source>
        <translation>沙盒的事件流已关闭。</translation>
    </message>
    <message>
        <source>it sent an event larger than %1 MiB</source>
        <translation>它发送了超过 %1 MiB 的事件</translation>
    </message>
    <message>
        <source>The sandbox&apos;s event stream lost events %1 to %2 (%3): their outcomes will not arrive from the IdP.</source>
        <translation>沙盒的事件流丢失了事件 %1 到 %2（%3）：这些事件的结果将不会从 IdP 传来。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s event stream started again (%1): outcomes of runs before that will not arrive from the IdP.</source>
        <translation>沙盒的事件流已重新开始（%1）：此前运行的结果将不会从 IdP 传来。</translation>
    </message>
    <message>
        <source>nothing arrived for %1 s</source>
        <translation>%1 秒内没有收到任何内容</translation>
    </message>
    <message>
        <source>the sandbox ended it</source>
        <translation>沙盒结束了事件流</translation>
    </message>
    <message>
        <source>The sandbox&apos;s event stream was interrupted (%1); reconnecting in %2 s.</source>
        <translation>沙盒的事件流已中断（%1）；将在 %2 秒后重新连接。</translation>
    </message>
</context>
<context>
    <name>signoff::SandboxPanel</name>
    <message>
        <source>Sandbox IdP</source>
        <translation>沙盒 IdP</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>The sandbox&apos;s log appears here once it starts.</source>
        <translation>沙盒启动后，其日志将显示在此处。</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>断开</translation>
    </message>
</context>
<context>
    <name>signoff::SandboxProcess</name>
    <message>
        <source>The sandbox did not report ready within %1 s; stopping it.</source>
        <translation>沙盒未在 %1 秒内报告就绪；正在将其停止。</translation>
    </message>
    <message>
        <source>The sandbox did not start within %1 s.</source>
        <translation>沙盒未在 %1 秒内启动。</translation>
    </message>
    <message>
        <source>Sandbox stopped</source>
        <translation>沙盒已停止</translation>
    </message>
    <message>
        <source>Sandbox starting…</source>
        <translation>沙盒正在启动…</translation>
    </message>
    <message numerus="yes">
        <source>Sandbox running at %1 (%n session(s))</source>
        <translation>
            <numerusform>沙盒运行于 %1（%n 个会话）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sandbox running at %1, started outside Signoff (%n session(s))</source>
        <translation>
            <numerusform>沙盒运行于 %1，在 Signoff 外部启动（%n 个会话）</numerusform>
        </translation>
    </message>
    <message>
        <source>Sandbox stopping…</source>
        <translation>沙盒正在停止…</translation>
    </message>
    <message>
        <source>Sandbox failed: %1</source>
        <translation>沙盒出错：%1</translation>
    </message>
    <message>
        <source>unexpected answer (HTTP %1)</source>
        <translation>意外的响应（HTTP %1）</translation>
    </message>
    <message>
        <source>A sandbox already runs at %1; using it (Signoff will not stop it).</source>
        <translation>%1 上已有沙盒在运行；将使用该沙盒（Signoff 不会停止它）。</translation>
    </message>
    <message>
        <source>sandbox/server.js was not found (set SIGNOFF_SANDBOX_DIR to the sandbox folder).</source>
        <translation>未找到 sandbox/server.js（请将 SIGNOFF_SANDBOX_DIR 设置为沙盒文件夹）。</translation>
    </message>
    <message>
        <source>The sandbox&apos;s packages are not installed: run `npm ci` in %1 (scripts/install-deps does it).</source>
        <translation>沙盒的依赖包未安装：请在 %1 中运行 `npm ci`（scripts/install-deps 会完成此操作）。</translation>
    </message>
    <message>
        <source>Could not run %1 (is Node.js installed?)</source>
        <translation>无法运行 %1（是否已安装 Node.js？）</translation>
    </message>
    <message>
        <source>it does not accept Signoff&apos;s admin secret (HTTP %1), so its admin API cannot be used; stop it (signoffctl sandbox stop) and let Signoff start its own</source>
        <translation>它不接受 Signoff 的管理员密钥（HTTP %1），因此无法使用其管理 API；请将其停止（signoffctl sandbox stop），让 Signoff 启动自己的沙盒</translation>
    </message>
    <message>
        <source>Could not run %1: %2 (is Node.js installed?)</source>
        <translation>无法运行 %1：%2（是否已安装 Node.js？）</translation>
    </message>
    <message>
        <source>Starting %1 %2</source>
        <translation>正在启动 %1 %2</translation>
    </message>
    <message>
        <source>The sandbox said it was ready but its health check failed: %1</source>
        <translation>沙盒报告已就绪，但其健康检查失败：%1</translation>
    </message>
    <message>
        <source>Sandbox stopped.</source>
        <translation>沙盒已停止。</translation>
    </message>
    <message>
        <source>the sandbox crashed</source>
        <translation>沙盒已崩溃</translation>
    </message>
    <message>
        <source>the sandbox exited with code %1</source>
        <translation>沙盒已退出，退出码为 %1</translation>
    </message>
    <message>
        <source>The sandbox at %1 stopped answering.</source>
        <translation>%1 上的沙盒已停止响应。</translation>
    </message>
    <message>
        <source>The sandbox was started outside Signoff; leaving it running.</source>
        <translation>沙盒是在 Signoff 外部启动的；将保持其运行。</translation>
    </message>
    <message>
        <source>Could not create the sandbox&apos;s log %1: %2</source>
        <translation>无法创建沙盒日志 %1：%2</translation>
    </message>
</context>
<context>
    <name>signoff::SessionModel</name>
    <message>
        <source>not exposed by the IdP</source>
        <translation>IdP 未提供</translation>
    </message>
    <message>
        <source>%1 (id %2), session %3</source>
        <translation>%1（ID %2），会话 %3</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Last access</source>
        <translation>最后访问</translation>
    </message>
    <message>
        <source>Relying parties</source>
        <translation>依赖方</translation>
    </message>
</context>
<context>
    <name>signoff::SessionsPage</name>
    <message>
        <source>Whose sessions: every RP, one RP, or one user</source>
        <translation>查看谁的会话：所有依赖方、单个依赖方或单个用户</translation>
    </message>
    <message>
        <source>All relying parties</source>
        <translation>所有依赖方</translation>
    </message>
    <message>
        <source>User id or name (Enter): that user&apos;s sessions</source>
        <translation>用户 ID 或名称（按 Enter）：该用户的会话</translation>
    </message>
    <message>
        <source>Filter by user, IP or RP (Ctrl+F)</source>
        <translation>按用户、IP 或依赖方筛选 (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Reload from the IdP (F5)</source>
        <translation>从 IdP 重新加载 (F5)</translation>
    </message>
    <message>
        <source>&amp;RP:</source>
        <translation>依赖方(&amp;R)：</translation>
    </message>
    <message>
        <source>Select a session to see its details; Ctrl+C copies the selected rows.</source>
        <translation>选择一个会话以查看其详细信息；Ctrl+C 复制所选行。</translation>
    </message>
    <message>
        <source>No active profile: choose one on the Profiles page.</source>
        <translation>无活动配置文件：请在“配置文件”页面中选择一个。</translation>
    </message>
    <message numerus="yes">
        <source>Loading stopped after %n session(s): %1</source>
        <translation>
            <numerusform>加载了 %n 个会话后停止：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading… %1 of %2 sessions</source>
        <translation>正在加载…%1 / %2 个会话</translation>
    </message>
    <message>
        <source>Loading… %1 sessions</source>
        <translation>正在加载…%1 个会话</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>%1 个会话</translation>
    </message>
    <message>
        <source> — %1 match the filter</source>
        <translation> — %1 个符合筛选条件</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions selected.</source>
        <translation>
            <numerusform>已选择 %n 个会话。</numerusform>
        </translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>会话 %1</translation>
    </message>
    <message>
        <source>&amp;Log out…</source>
        <translation>注销(&amp;L)…</translation>
    </message>
    <message>
        <source>Log out the selected sessions (Delete or Ctrl+L); select in a filtered list to log out what the filter shows</source>
        <translation>注销所选会话（Delete 或 Ctrl+L）；在筛选后的列表中选择，即可注销筛选结果中显示的会话</translation>
    </message>
    <message>
        <source>Log out &amp;user…</source>
        <translation>注销用户(&amp;U)…</translation>
    </message>
    <message>
        <source>Log out every session of the selected session&apos;s user</source>
        <translation>注销所选会话所属用户的所有会话</translation>
    </message>
    <message>
        <source>Working out who will be notified…</source>
        <translation>正在确定将通知哪些依赖方…</translation>
    </message>
    <message>
        <source>Select a session of the user to log out first.</source>
        <translation>请先选择要注销的用户的一个会话。</translation>
    </message>
</context>
<context>
    <name>signoff::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Desktop default</source>
        <translation>跟随桌面</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>外观(&amp;A)：</translation>
    </message>
    <message>
        <source>A new language or appearance applies the next time Signoff starts.</source>
        <translation>新的语言或外观将在下次启动 Signoff 时生效。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>&amp;Keep history for:</source>
        <translation>历史记录保留时长(&amp;K)：</translation>
    </message>
</context>
<context>
    <name>signoff::jose::Jwk</name>
    <message>
        <source>member &quot;%1&quot; missing or not a string</source>
        <translation>成员 &quot;%1&quot; 缺失或不是字符串</translation>
    </message>
    <message>
        <source>member &quot;%1&quot; is not valid base64url</source>
        <translation>成员 &quot;%1&quot; 不是有效的 base64url</translation>
    </message>
    <message>
        <source>OpenSSL refused the key parameters</source>
        <translation>OpenSSL 拒绝了密钥参数</translation>
    </message>
    <message>
        <source>public key fails OpenSSL&apos;s validity check</source>
        <translation>公钥未通过 OpenSSL 的有效性检查</translation>
    </message>
    <message>
        <source>RSA modulus of about %1 bits is outside 2048..16384</source>
        <translation>约 %1 位的 RSA 模数超出 2048..16384 的范围</translation>
    </message>
    <message>
        <source>RSA exponent is implausibly large</source>
        <translation>RSA 指数大得不合理</translation>
    </message>
    <message>
        <source>RSA exponent is not a valid public exponent</source>
        <translation>RSA 指数不是有效的公钥指数</translation>
    </message>
    <message>
        <source>unsupported EC curve &quot;%1&quot;</source>
        <translation>不支持的 EC 曲线 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>EC coordinates must be %1 bytes for %2</source>
        <translation>对于 %2，EC 坐标必须为 %1 字节</translation>
    </message>
    <message>
        <source>EC point is not on curve %1</source>
        <translation>EC 点不在曲线 %1 上</translation>
    </message>
    <message>
        <source>OKP curve &quot;%1&quot; is not a signature curve</source>
        <translation>OKP 曲线 &quot;%1&quot; 不是签名曲线</translation>
    </message>
    <message>
        <source>OKP key must be %1 bytes for %2</source>
        <translation>对于 %2，OKP 密钥必须为 %1 字节</translation>
    </message>
    <message>
        <source>a JWK must be a JSON object</source>
        <translation>JWK 必须是 JSON 对象</translation>
    </message>
    <message>
        <source>JWK has no &quot;kty&quot;</source>
        <translation>JWK 没有 &quot;kty&quot;</translation>
    </message>
    <message>
        <source>JWK &quot;kid&quot; is not a string</source>
        <translation>JWK 的 &quot;kid&quot; 不是字符串</translation>
    </message>
    <message>
        <source>key is for &quot;%1&quot;, not signatures</source>
        <translation>密钥用于 &quot;%1&quot;，而非签名</translation>
    </message>
    <message>
        <source>key_ops does not allow &quot;verify&quot;</source>
        <translation>key_ops 不允许 &quot;verify&quot;</translation>
    </message>
    <message>
        <source>JWK contains private or secret key material (&quot;%1&quot;): refused</source>
        <translation>JWK 包含私钥或对称密钥材料（&quot;%1&quot;）：已拒绝</translation>
    </message>
    <message>
        <source>unsupported key type &quot;%1&quot;</source>
        <translation>不支持的密钥类型 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>JWKS is not usable: %1</source>
        <translation>JWKS 不可用：%1</translation>
    </message>
    <message>
        <source>JWKS has no &quot;keys&quot; array</source>
        <translation>JWKS 没有 &quot;keys&quot; 数组</translation>
    </message>
    <message>
        <source>more than 100 keys: the rest are ignored</source>
        <translation>密钥超过 100 个：其余的将被忽略</translation>
    </message>
    <message>
        <source>key #%1%2: %3</source>
        <translation>密钥 #%1%2：%3</translation>
    </message>
</context>
<context>
    <name>signoff::jose::JwksSource</name>
    <message>
        <source>no JWKS or discovery URL is configured</source>
        <translation>未配置 JWKS 或发现 URL</translation>
    </message>
    <message>
        <source>discovery document %1: %2</source>
        <translation>发现文档 %1：%2</translation>
    </message>
    <message>
        <source>discovery document is not usable: %1</source>
        <translation>发现文档不可用：%1</translation>
    </message>
    <message>
        <source>the discovery document has no usable jwks_uri</source>
        <translation>发现文档中没有可用的 jwks_uri</translation>
    </message>
    <message>
        <source>JWKS %1: %2</source>
        <translation>JWKS %1：%2</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP 状态 %1</translation>
    </message>
    <message>
        <source>larger than the limit of %1 bytes</source>
        <translation>超过 %1 字节的上限</translation>
    </message>
    <message>
        <source>redirected from %1 to %2, a less safe scheme; refused</source>
        <translation>从 %1 重定向到 %2，协议更不安全；已拒绝</translation>
    </message>
    <message>
        <source>redirected from the loopback address %1 to %2, which is not loopback; refused</source>
        <translation>从回环地址 %1 重定向到非回环地址 %2；已拒绝</translation>
    </message>
    <message>
        <source>timed out or cancelled</source>
        <translation>超时或已取消</translation>
    </message>
</context>
<context>
    <name>signoff::jose::Jws</name>
    <message>
        <source>the token is empty</source>
        <translation>令牌为空</translation>
    </message>
    <message>
        <source>the token is encrypted (JWE, five parts); encrypted logout tokens are not supported</source>
        <translation>令牌已加密（JWE，五个部分）；不支持加密的注销令牌</translation>
    </message>
    <message>
        <source>a signed token has 3 dot-separated parts, this one has %1</source>
        <translation>已签名的令牌由 3 个以点分隔的部分组成，而此令牌有 %1 个</translation>
    </message>
    <message>
        <source>the header part is empty</source>
        <translation>头部部分为空</translation>
    </message>
    <message>
        <source>the header part is not valid base64url</source>
        <translation>头部部分不是有效的 base64url</translation>
    </message>
    <message>
        <source>the header is not a JSON object: %1</source>
        <translation>头部不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>the payload part is empty</source>
        <translation>载荷部分为空</translation>
    </message>
    <message>
        <source>the payload part is not valid base64url</source>
        <translation>载荷部分不是有效的 base64url</translation>
    </message>
    <message>
        <source>the claims are not a JSON object: %1</source>
        <translation>声明不是 JSON 对象：%1</translation>
    </message>
    <message>
        <source>the signature part is empty (unsigned token)</source>
        <translation>签名部分为空（未签名的令牌）</translation>
    </message>
    <message>
        <source>the signature part is not valid base64url</source>
        <translation>签名部分不是有效的 base64url</translation>
    </message>
    <message>
        <source>no usable key for %1</source>
        <translation>没有可用于 %1 的密钥</translation>
    </message>
    <message>
        <source>%1 signature must be %2 bytes (raw r||s), got %3</source>
        <translation>%1 签名必须为 %2 字节（原始 r||s），实际为 %3</translation>
    </message>
    <message>
        <source>the key cannot verify %1</source>
        <translation>该密钥无法验证 %1</translation>
    </message>
    <message>
        <source>signature does not verify</source>
        <translation>签名验证失败</translation>
    </message>
    <message>
        <source>%1 is not an HMAC algorithm</source>
        <translation>%1 不是 HMAC 算法</translation>
    </message>
    <message>
        <source>%1 needs the client secret, and none is configured</source>
        <translation>%1 需要客户端密钥，但未配置</translation>
    </message>
    <message>
        <source>HMAC computation failed</source>
        <translation>HMAC 计算失败</translation>
    </message>
</context>
<context>
    <name>signoff::jose::SafeJson</name>
    <message>
        <source>JSON document too large (%1 bytes)</source>
        <translation>JSON 文档过大（%1 字节）</translation>
    </message>
    <message>
        <source>JSON nested deeper than %1 levels</source>
        <translation>JSON 嵌套深度超过 %1 层</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>不是有效的 JSON</translation>
    </message>
    <message>
        <source>JSON member &quot;%1&quot; appears more than once</source>
        <translation>JSON 成员 &quot;%1&quot; 出现了多次</translation>
    </message>
    <message>
        <source>JSON could not be parsed: %1</source>
        <translation>无法解析 JSON：%1</translation>
    </message>
    <message>
        <source>JSON value is not an object</source>
        <translation>JSON 值不是对象</translation>
    </message>
</context>
<context>
    <name>signoff::mockrp::FormBody</name>
    <message>
        <source>more than 1000 form fields</source>
        <translation>表单字段超过 1000 个</translation>
    </message>
    <message>
        <source>malformed %-escape in the form body</source>
        <translation>表单正文中的 %-转义格式错误</translation>
    </message>
</context>
<context>
    <name>signoff::mockrp::HttpRequestParser</name>
    <message>
        <source>both Content-Length and Transfer-Encoding are present</source>
        <translation>同时存在 Content-Length 和 Transfer-Encoding</translation>
    </message>
    <message>
        <source>an HTTP/1.1 request needs exactly one Host header</source>
        <translation>HTTP/1.1 请求必须有且只有一个 Host 头</translation>
    </message>
    <message>
        <source>unsupported Transfer-Encoding</source>
        <translation>不支持的 Transfer-Encoding</translation>
    </message>
    <message>
        <source>several Content-Length headers</source>
        <translation>存在多个 Content-Length 头</translation>
    </message>
    <message>
        <source>Content-Length is not a number</source>
        <translation>Content-Length 不是数字</translation>
    </message>
    <message>
        <source>the body is larger than %1 bytes</source>
        <translation>正文超过 %1 字节</translation>
    </message>
    <message>
        <source>request headers larger than %1 bytes</source>
        <translation>请求头超过 %1 字节</translation>
    </message>
    <message>
        <source>chunk size line too long</source>
        <translation>分块大小行过长</translation>
    </message>
    <message>
        <source>malformed request line</source>
        <translation>请求行格式错误</translation>
    </message>
    <message>
        <source>obsolete header line folding</source>
        <translation>已废弃的头部行折叠</translation>
    </message>
    <message>
        <source>more than %1 header fields</source>
        <translation>头部字段超过 %1 个</translation>
    </message>
    <message>
        <source>malformed header line</source>
        <translation>头部行格式错误</translation>
    </message>
    <message>
        <source>malformed chunk size</source>
        <translation>分块大小格式错误</translation>
    </message>
    <message>
        <source>malformed chunk</source>
        <translation>分块格式错误</translation>
    </message>
    <message>
        <source>request larger than %1 bytes</source>
        <translation>请求超过 %1 字节</translation>
    </message>
</context>
<context>
    <name>signoff::mockrp::MockRpBehaviour</name>
    <message>
        <source>status:N needs a status code from 200 to 599</source>
        <translation>status:N 需要 200 到 599 之间的状态码</translation>
    </message>
    <message>
        <source>delay:MS needs milliseconds from 0 to 600000</source>
        <translation>delay:MS 需要 0 到 600000 之间的毫秒数</translation>
    </message>
    <message>
        <source>flaky:P needs a percentage from 0 to 100</source>
        <translation>flaky:P 需要 0 到 100 之间的百分比</translation>
    </message>
    <message>
        <source>unknown behaviour &quot;%1&quot;; use ok, status:N, delay:MS, drop or flaky:P</source>
        <translation>未知行为 &quot;%1&quot;；请使用 ok、status:N、delay:MS、drop 或 flaky:P</translation>
    </message>
</context>
<context>
    <name>signoff::mockrp::MockRpEndpoint</name>
    <message>
        <source>method %1 not allowed; back-channel logout uses POST</source>
        <translation>不允许使用方法 %1；后端通道注销使用 POST</translation>
    </message>
    <message>
        <source>Content-Type must be application/x-www-form-urlencoded, got &quot;%1&quot;</source>
        <translation>Content-Type 必须为 application/x-www-form-urlencoded，实际为 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the body is larger than %1 bytes</source>
        <translation>正文超过 %1 字节</translation>
    </message>
    <message>
        <source>the logout_token field is missing</source>
        <translation>缺少 logout_token 字段</translation>
    </message>
    <message>
        <source>logout_token is given %1 times; exactly once is allowed</source>
        <translation>logout_token 出现了 %1 次；只允许出现一次</translation>
    </message>
    <message>
        <source>logout_token is empty</source>
        <translation>logout_token 为空</translation>
    </message>
    <message>
        <source>relay to %1 failed: %2</source>
        <translation>转发到 %1 失败：%2</translation>
    </message>
    <message>
        <source>simulated answer (behaviour %1)</source>
        <translation>模拟响应（行为 %1）</translation>
    </message>
    <message>
        <source>simulated failure (behaviour %1)</source>
        <translation>模拟故障（行为 %1）</translation>
    </message>
</context>
<context>
    <name>signoff::mockrp::MockRpServer</name>
    <message>
        <source>no endpoint</source>
        <translation>没有端点</translation>
    </message>
    <message>
        <source>an endpoint path must start with &apos;/&apos;: %1</source>
        <translation>端点路径必须以 &apos;/&apos; 开头：%1</translation>
    </message>
    <message>
        <source>two endpoints share the path %1</source>
        <translation>两个端点使用了相同的路径 %1</translation>
    </message>
    <message>
        <source>TLS is not available (no OpenSSL backend for Qt)</source>
        <translation>TLS 不可用（Qt 没有 OpenSSL 后端）</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>无法在 %1:%2 上监听：%3</translation>
    </message>
    <message>
        <source>the request was not complete within %1 ms</source>
        <translation>请求未在 %1 毫秒内完整到达</translation>
    </message>
</context>
<context>
    <name>signoff::mockrp::TlsIdentity</name>
    <message>
        <source>OpenSSL could not create a key</source>
        <translation>OpenSSL 无法创建密钥</translation>
    </message>
    <message>
        <source>no randomness for the certificate serial</source>
        <translation>无法为证书序列号获取随机数</translation>
    </message>
    <message>
        <source>OpenSSL could not set the serial</source>
        <translation>OpenSSL 无法设置序列号</translation>
    </message>
    <message>
        <source>OpenSSL could not add certificate extensions</source>
        <translation>OpenSSL 无法添加证书扩展</translation>
    </message>
    <message>
        <source>OpenSSL could not sign the certificate</source>
        <translation>OpenSSL 无法签署证书</translation>
    </message>
    <message>
        <source>OpenSSL could not encode the certificate</source>
        <translation>OpenSSL 无法编码证书</translation>
    </message>
    <message>
        <source>Qt could not read the generated certificate</source>
        <translation>Qt 无法读取生成的证书</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 中没有 PEM 证书</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key</source>
        <translation>%1 中没有未加密的 PEM 私钥</translation>
    </message>
</context>
<context>
    <name>signoff::services::MockRpService</name>
    <message>
        <source>a mock RP needs an issuer and a client id</source>
        <translation>模拟 RP 需要签发者和客户端 ID</translation>
    </message>
    <message>
        <source>a mock RP needs a JWKS URL or a discovery URL to verify signatures</source>
        <translation>模拟 RP 需要 JWKS URL 或发现 URL 才能验证签名</translation>
    </message>
    <message>
        <source>the endpoint path must start with &apos;/&apos;</source>
        <translation>端点路径必须以 &apos;/&apos; 开头</translation>
    </message>
    <message>
        <source>the relay target needs an http or https URL</source>
        <translation>中继目标需要 http 或 https URL</translation>
    </message>
    <message>
        <source>HTTPS from files needs both a certificate and a key file</source>
        <translation>从文件启用 HTTPS 需要证书和密钥文件</translation>
    </message>
    <message>
        <source>connection threads must be from 1 to 64</source>
        <translation>连接线程数必须在 1 到 64 之间</translation>
    </message>
</context>
<context>
    <name>signoff::services::MockRpWorkspace</name>
    <message>
        <source>Mock RP</source>
        <translation>模拟 RP</translation>
    </message>
</context>
<context>
    <name>signoffctl</name>
    <message>
        <source>Usage: signoffctl [--version] [--help] COMMAND [OPTIONS]
Back-channel logout console, headless.

Commands:
</source>
        <translation>用法：signoffctl [--version] [--help] COMMAND [OPTIONS]
后端通道注销控制台（无界面版）。

命令：
</translation>
    </message>
    <message>
        <source>
Run &apos;signoffctl COMMAND --help&apos; for a command&apos;s options.
</source>
        <translation>
运行 &apos;signoffctl COMMAND --help&apos; 查看命令的选项。
</translation>
    </message>
    <message>
        <source>no command given; try &apos;signoffctl --help&apos;</source>
        <translation>未指定命令；请尝试 &apos;signoffctl --help&apos;</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos;; try &apos;signoffctl --help&apos;</source>
        <translation>未知选项 &apos;%1&apos;；请尝试 &apos;signoffctl --help&apos;</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; try &apos;signoffctl --help&apos;</source>
        <translation>未知命令 &apos;%1&apos;；请尝试 &apos;signoffctl --help&apos;</translation>
    </message>
    <message>
        <source>Show this command&apos;s options.</source>
        <translation>显示此命令的选项。</translation>
    </message>
    <message>
        <source>Output JSON Lines (one object per record).</source>
        <translation>输出 JSON Lines（每条记录一个对象）。</translation>
    </message>
    <message>
        <source>cannot read secret file %1: %2</source>
        <translation>无法读取密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>secret file %1 is empty</source>
        <translation>密钥文件 %1 为空</translation>
    </message>
    <message>
        <source>no secret entered</source>
        <translation>未输入密钥</translation>
    </message>
    <message>
        <source>no secret given: use --secret-file FILE or the SIGNOFF_SECRET environment variable (or run on a terminal to be prompted)</source>
        <translation>未提供密钥：请使用 --secret-file FILE 或 SIGNOFF_SECRET 环境变量（或在终端中运行以便提示输入）</translation>
    </message>
    <message>
        <source>List, show, add and remove IdP connection profiles (secrets go to the OS keychain).</source>
        <translation>列出、显示、添加和移除 IdP 连接配置文件（密钥存入操作系统钥匙串）。</translation>
    </message>
    <message>
        <source>Profile name (add).</source>
        <translation>配置文件名称（add）。</translation>
    </message>
    <message>
        <source>IdP kind: sandbox, keycloak, logto, hydra (add).</source>
        <translation>IdP 类型：sandbox、keycloak、logto、hydra（add）。</translation>
    </message>
    <message>
        <source>IdP base URL (add).</source>
        <translation>IdP 基础 URL（add）。</translation>
    </message>
    <message>
        <source>Keycloak realm or Logto tenant (add).</source>
        <translation>Keycloak 领域或 Logto 租户（add）。</translation>
    </message>
    <message>
        <source>client_credentials (default) or password (add).</source>
        <translation>client_credentials（默认）或 password（add）。</translation>
    </message>
    <message>
        <source>Admin client id (add).</source>
        <translation>管理客户端 ID（add）。</translation>
    </message>
    <message>
        <source>Username for the password grant (add).</source>
        <translation>密码授权所用的用户名（add）。</translation>
    </message>
    <message>
        <source>Extra CA certificates (PEM) for this profile (add).</source>
        <translation>此配置文件的额外 CA 证书（PEM）（add）。</translation>
    </message>
    <message>
        <source>Pin the server certificate by its SHA-256 (add).</source>
        <translation>通过 SHA-256 值固定服务器证书（add）。</translation>
    </message>
    <message>
        <source>Read the client secret or password from FILE.</source>
        <translation>从 FILE 读取客户端密钥或密码。</translation>
    </message>
    <message>
        <source>Add without a secret (Hydra admin APIs without auth).</source>
        <translation>不带密钥添加（适用于无需认证的 Hydra 管理 API）。</translation>
    </message>
    <message>
        <source>&apos;profiles %1&apos; needs a profile name or id</source>
        <translation>&apos;profiles %1&apos; 需要配置文件名称或 ID</translation>
    </message>
    <message>
        <source>no profile named &apos;%1&apos;</source>
        <translation>没有名为 &apos;%1&apos; 的配置文件</translation>
    </message>
    <message>
        <source>--kind must be one of: %1</source>
        <translation>--kind 必须是以下值之一：%1</translation>
    </message>
    <message>
        <source>--auth must be client_credentials or password</source>
        <translation>--auth 必须是 client_credentials 或 password</translation>
    </message>
    <message>
        <source>Secret for %1: </source>
        <translation>%1 的密钥: </translation>
    </message>
    <message>
        <source>added profile %1 (%2)</source>
        <translation>已添加配置文件 %1（%2）</translation>
    </message>
    <message>
        <source>secret stored in the keychain for %1</source>
        <translation>已在钥匙串中存储 %1 的密钥</translation>
    </message>
    <message>
        <source>removed profile %1</source>
        <translation>已移除配置文件 %1</translation>
    </message>
    <message>
        <source>Start, stop or query the embedded sandbox IdP (127.0.0.1).</source>
        <translation>启动、停止或查询内嵌的沙盒 IdP（127.0.0.1）。</translation>
    </message>
    <message>
        <source>start | stop | status</source>
        <translation>start | stop | status</translation>
    </message>
    <message>
        <source>Port on 127.0.0.1 (default 9400).</source>
        <translation>127.0.0.1 上的端口（默认 9400）。</translation>
    </message>
    <message>
        <source>Data folder (default: $XDG_DATA_HOME/Signoff/sandbox).</source>
        <translation>数据文件夹（默认：$XDG_DATA_HOME/Signoff/sandbox）。</translation>
    </message>
    <message>
        <source>Back-channel URI of the demo RP that points at Signoff&apos;s mock RP (start).</source>
        <translation>演示依赖方的后端通道 URI，指向 Signoff 的模拟 RP（start）。</translation>
    </message>
    <message>
        <source>Create N demo users at start.</source>
        <translation>启动时创建 N 个演示用户。</translation>
    </message>
    <message>
        <source>Create N sessions across the demo RPs at start.</source>
        <translation>启动时在各演示依赖方上创建共 N 个会话。</translation>
    </message>
    <message>
        <source>Run attached, print the sandbox&apos;s log, stop on Ctrl+C (start).</source>
        <translation>在前台运行，输出沙盒日志，按 Ctrl+C 停止（start）。</translation>
    </message>
    <message>
        <source>Seconds to wait for start or stop (default 60).</source>
        <translation>等待启动或停止的秒数（默认 60）。</translation>
    </message>
    <message>
        <source>--port must be a number from 1 to 65535</source>
        <translation>--port 必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>--timeout must be a positive number of seconds</source>
        <translation>--timeout 必须是正的秒数</translation>
    </message>
    <message>
        <source>sandbox running at %1 (pid %2, %3 sessions)</source>
        <translation>沙盒运行于 %1（pid %2，%3 个会话）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>sandbox not running at %1</source>
        <translation>%1 上没有运行沙盒</translation>
    </message>
    <message>
        <source>sandbox stopped (pid %1)</source>
        <translation>沙盒已停止（pid %1）</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;; expected start, stop or status</source>
        <translation>未知操作 &apos;%1&apos;；应为 start、stop 或 status</translation>
    </message>
    <message>
        <source>cannot read standard input</source>
        <translation>无法读取标准输入</translation>
    </message>
    <message>
        <source>the token is empty</source>
        <translation>令牌为空</translation>
    </message>
    <message>
        <source>Decode a logout token and show the verdict of every validation rule.</source>
        <translation>解码注销令牌，并显示每条验证规则的判定结果。</translation>
    </message>
    <message>
        <source>The logout token, logout_token=... form text, or - for standard input.</source>
        <translation>注销令牌、logout_token=... 表单文本，或用 - 表示标准输入。</translation>
    </message>
    <message>
        <source>inspect needs exactly one TOKEN (or - for standard input)</source>
        <translation>inspect 需要且只需要一个 TOKEN（或用 - 表示标准输入）</translation>
    </message>
    <message>
        <source>not a logout token: %1</source>
        <translation>不是注销令牌：%1</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>头部：</translation>
    </message>
    <message>
        <source>Claims:</source>
        <translation>声明：</translation>
    </message>
    <message>
        <source>Keys: %1</source>
        <translation>密钥：%1</translation>
    </message>
    <message>
        <source>Verdicts:</source>
        <translation>判定结果：</translation>
    </message>
    <message>
        <source>Result: valid</source>
        <translation>结果：有效</translation>
    </message>
    <message>
        <source>Result: INVALID (%1 rules failed)</source>
        <translation>结果：无效（%1 条规则未通过）</translation>
    </message>
    <message>
        <source>--listen needs HOST:PORT, e.g. 127.0.0.1:9401</source>
        <translation>--listen 需要 HOST:PORT，例如 127.0.0.1:9401</translation>
    </message>
    <message>
        <source>--listen has an invalid port in &apos;%1&apos;</source>
        <translation>--listen 中的端口无效：&apos;%1&apos;</translation>
    </message>
    <message>
        <source>--listen needs an IP address or localhost, not &apos;%1&apos;</source>
        <translation>--listen 需要 IP 地址或 localhost，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>invalid: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <source>warning %1: %2</source>
        <translation>警告 %1：%2</translation>
    </message>
    <message>
        <source>Run a mock RP back-channel logout endpoint that reports every validation rule.</source>
        <translation>运行模拟 RP的后端通道注销端点，并报告每条验证规则的结果。</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1:%1).</source>
        <translation>监听地址（默认 127.0.0.1:%1）。</translation>
    </message>
    <message>
        <source>Endpoint path (default %1).</source>
        <translation>端点路径（默认 %1）。</translation>
    </message>
    <message>
        <source>ok, status:N, delay:MS, drop or flaky:P (default ok).</source>
        <translation>ok、status:N、delay:MS、drop 或 flaky:P（默认 ok）。</translation>
    </message>
    <message>
        <source>Relay: forward each request to this real RP and answer with its status.</source>
        <translation>转发：将每个请求转发到此真实依赖方，并以其状态码响应。</translation>
    </message>
    <message>
        <source>PEM certificate for HTTPS.</source>
        <translation>用于 HTTPS 的 PEM 证书。</translation>
    </message>
    <message>
        <source>PEM private key for HTTPS.</source>
        <translation>用于 HTTPS 的 PEM 私钥。</translation>
    </message>
    <message>
        <source>HTTPS with a certificate generated now (fingerprint printed).</source>
        <translation>使用当场生成的证书启用 HTTPS（会打印其指纹）。</translation>
    </message>
    <message>
        <source>mock-rp takes no positional arguments</source>
        <translation>mock-rp 不接受位置参数</translation>
    </message>
    <message>
        <source>mock-rp needs --issuer and --client-id</source>
        <translation>mock-rp 需要 --issuer 和 --client-id</translation>
    </message>
    <message>
        <source>mock-rp needs --jwks-uri or --discovery to verify signatures</source>
        <translation>mock-rp 需要 --jwks-uri 或 --discovery 才能验证签名</translation>
    </message>
    <message>
        <source>--path must start with &apos;/&apos;</source>
        <translation>--path 必须以 &apos;/&apos; 开头</translation>
    </message>
    <message>
        <source>--forward needs an http or https URL</source>
        <translation>--forward 需要 http 或 https URL</translation>
    </message>
    <message>
        <source>give either --tls-cert/--tls-key or --tls-self-signed</source>
        <translation>请指定 --tls-cert/--tls-key 或 --tls-self-signed 之一</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert 和 --tls-key 必须同时使用</translation>
    </message>
    <message>
        <source>mock RP listening on %1</source>
        <translation>模拟 RP正在监听 %1</translation>
    </message>
    <message>
        <source>TLS certificate SHA-256 fingerprint: %1</source>
        <translation>TLS 证书的 SHA-256 指纹：%1</translation>
    </message>
    <message>
        <source>relaying to %1</source>
        <translation>转发到 %1</translation>
    </message>
    <message>
        <source>warning: listening beyond loopback on %1</source>
        <translation>警告：正在环回地址以外的 %1 上监听</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>已丢弃</translation>
    </message>
    <message>
        <source> (relay %1 in %2 ms%3)</source>
        <translation> (转发 %1，耗时 %2 ms%3)</translation>
    </message>
    <message>
        <source>keys: %1 usable from %2</source>
        <translation>密钥：%2 中有 %1 个可用</translation>
    </message>
    <message>
        <source>keys: skipped %1</source>
        <translation>密钥：已跳过 %1</translation>
    </message>
    <message>
        <source>keys not loaded (will retry on the next token): %1</source>
        <translation>密钥未加载（将在收到下一个令牌时重试）：%1</translation>
    </message>
    <message>
        <source>mock RP stopped after %1 requests</source>
        <translation>模拟 RP在处理 %1 个请求后停止</translation>
    </message>
    <message>
        <source>Expected issuer (iss), compared exactly.</source>
        <translation>预期的签发者（iss），按精确匹配比较。</translation>
    </message>
    <message>
        <source>This RP&apos;s client id (must be in aud).</source>
        <translation>此依赖方的客户端 ID（必须包含在 aud 中）。</translation>
    </message>
    <message>
        <source>The OP&apos;s JWKS (URL or file).</source>
        <translation>OP 的 JWKS（URL 或文件）。</translation>
    </message>
    <message>
        <source>The OP&apos;s issuer URL or discovery document; its jwks_uri is used.</source>
        <translation>OP 的签发者 URL 或发现文档；将使用其中的 jwks_uri。</translation>
    </message>
    <message>
        <source>Accepted algorithms, comma-separated (default RS256).</source>
        <translation>接受的算法，以逗号分隔（默认 RS256）。</translation>
    </message>
    <message>
        <source>File holding the client secret (HS256/384/512 only).</source>
        <translation>包含客户端密钥的文件（仅限 HS256/384/512）。</translation>
    </message>
    <message>
        <source>Allowed clock skew in seconds (default 60).</source>
        <translation>允许的时钟偏差，单位为秒（默认 60）。</translation>
    </message>
    <message>
        <source>Accept tokens without exp (Hydra, older providers).</source>
        <translation>接受没有 exp 的令牌（Hydra、较旧的提供方）。</translation>
    </message>
    <message>
        <source>Refuse tokens whose typ header is not logout+jwt.</source>
        <translation>拒绝 typ 头部不是 logout+jwt 的令牌。</translation>
    </message>
    <message>
        <source>give either --jwks-uri or --discovery, not both</source>
        <translation>请指定 --jwks-uri 或 --discovery 之一，不能同时指定</translation>
    </message>
    <message>
        <source>--discovery needs a URL</source>
        <translation>--discovery 需要一个 URL</translation>
    </message>
    <message>
        <source>--alg none is never accepted</source>
        <translation>--alg none 永远不会被接受</translation>
    </message>
    <message>
        <source>unknown algorithm &apos;%1&apos; in --alg</source>
        <translation>--alg 中有未知算法 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--clock-skew needs a number of seconds</source>
        <translation>--clock-skew 需要秒数</translation>
    </message>
    <message>
        <source>cannot read the client secret file: %1</source>
        <translation>无法读取客户端密钥文件：%1</translation>
    </message>
    <message>
        <source>the client secret file is empty</source>
        <translation>客户端密钥文件为空</translation>
    </message>
    <message>
        <source>standard input is larger than %1 bytes; a logout token is far smaller</source>
        <translation>标准输入超过 %1 字节；注销令牌远小于此</translation>
    </message>
    <message>
        <source>Threads serving plain-HTTP connections (default: one per core, at most 4; 1 = single thread).</source>
        <translation>处理明文 HTTP 连接的线程数（默认：每核一个，最多 4 个；1 = 单线程）。</translation>
    </message>
    <message>
        <source>--threads needs a number from 1 to 64</source>
        <translation>--threads 需要 1 到 64 之间的数字</translation>
    </message>
    <message>
        <source>secret file %1 is not a regular file (a pipe or device is not accepted)</source>
        <translation>密钥文件 %1 不是普通文件（不接受管道或设备）</translation>
    </message>
    <message>
        <source>secret file %1 is too large (%2 bytes; a secret is at most %3)</source>
        <translation>密钥文件 %1 过大（%2 字节；密钥最多 %3）</translation>
    </message>
    <message>
        <source>secret file %1 is too large (a secret is at most %2 bytes)</source>
        <translation>密钥文件 %1 过大（密钥最多 %2 字节）</translation>
    </message>
    <message>
        <source>secret file %1 contains NUL bytes; it is not a text secret</source>
        <translation>密钥文件 %1 含有 NUL 字节；不是文本密钥</translation>
    </message>
    <message>
        <source>admin secret kept in %1</source>
        <translation>管理密钥保存在 %1</translation>
    </message>
    <message>
        <source>no Secret Service is reachable: the sandbox&apos;s admin secret is kept in %1 (mode 0600); secrets of other profiles still need the keychain</source>
        <translation>无法连接 Secret Service：沙盒的管理密钥保存在 %1（权限 0600）；其他配置的密钥仍需钥匙串</translation>
    </message>
    <message>
        <source>sandbox running at %1 (pid %2, %3 sessions); admin secret kept in %4</source>
        <translation>沙盒运行于 %1（PID %2，%3 个会话）；管理密钥保存在 %4</translation>
    </message>
    <message>
        <source>--profile NAME is required (signoffctl profiles list)</source>
        <translation>需要 --profile NAME（signoffctl profiles list）</translation>
    </message>
    <message>
        <source>Profile id or name.</source>
        <translation>配置文件 ID 或名称。</translation>
    </message>
    <message>
        <source>List the relying parties with their back-channel settings and what silently breaks logout.</source>
        <translation>列出依赖方及其后端通道设置，以及会在无提示的情况下破坏注销的问题。</translation>
    </message>
    <message>
        <source>(no back-channel URI)</source>
        <translation>（无后端通道 URI）</translation>
    </message>
    <message>
        <source>List active sessions (every page unless --limit), per RP or per user.</source>
        <translation>列出活动会话（除非指定 --limit，否则获取所有分页），可按依赖方或按用户筛选。</translation>
    </message>
    <message>
        <source>Only sessions that include this client id.</source>
        <translation>仅包含此客户端 ID 的会话。</translation>
    </message>
    <message>
        <source>Only this user&apos;s sessions (id or username).</source>
        <translation>仅此用户的会话（ID 或用户名）。</translation>
    </message>
    <message>
        <source>Stop after N sessions.</source>
        <translation>获取 N 个会话后停止。</translation>
    </message>
    <message>
        <source>--limit must be a positive number</source>
        <translation>--limit 必须是正数</translation>
    </message>
    <message>
        <source>list | show NAME | add | remove NAME | set-secret NAME | test NAME</source>
        <translation>list | show NAME | add | remove NAME | set-secret NAME | test NAME</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;; expected list, show, add, remove, set-secret or test</source>
        <translation>未知操作 &apos;%1&apos;；应为 list、show、add、remove、set-secret 或 test</translation>
    </message>
    <message>
        <source>connected to %1 (%2)</source>
        <translation>已连接到 %1（%2）</translation>
    </message>
    <message>
        <source>relying parties: %1</source>
        <translation>依赖方：%1</translation>
    </message>
    <message>
        <source>sessions: %1</source>
        <translation>会话：%1</translation>
    </message>
    <message>
        <source>capabilities: %1</source>
        <translation>功能：%1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>%1 delivered, %2 failed, %3 timed out, %4 skipped, %5 unconfirmed, %6 pending</source>
        <translation>%1 个已投递，%2 个失败，%3 个超时，%4 个已跳过，%5 个未确认，%6 个待处理</translation>
    </message>
    <message>
        <source>Past logout runs and their deliveries; export them as CSV or JSON.</source>
        <translation>过去的注销运行及其投递；可导出为 CSV 或 JSON。</translation>
    </message>
    <message>
        <source>Write the history to FILE instead of listing it.</source>
        <translation>将历史记录写入 FILE，而不是列出。</translation>
    </message>
    <message>
        <source>Only this run (its deliveries).</source>
        <translation>仅此运行（其投递）。</translation>
    </message>
    <message>
        <source>Export format: csv or json.</source>
        <translation>导出格式：csv 或 json。</translation>
    </message>
    <message>
        <source>List at most N runs (default 100).</source>
        <translation>最多列出 N 次运行（默认 100）。</translation>
    </message>
    <message>
        <source>unknown history action &apos;%1&apos; (history [--run ID] or history export --format csv|json FILE)</source>
        <translation>未知的 history 操作 &apos;%1&apos;（history [--run ID] 或 history export --format csv|json FILE）</translation>
    </message>
    <message>
        <source>--format is for &apos;history export&apos;</source>
        <translation>--format 仅用于 &apos;history export&apos;</translation>
    </message>
    <message>
        <source>the history is not available: %1</source>
        <translation>历史记录不可用：%1</translation>
    </message>
    <message>
        <source>no run &apos;%1&apos; in the history (signoffctl history lists them)</source>
        <translation>历史记录中没有运行 &apos;%1&apos;（signoffctl history 可列出所有运行）</translation>
    </message>
    <message>
        <source>--limit takes a positive number</source>
        <translation>--limit 需要一个正数</translation>
    </message>
    <message>
        <source>No runs in the history.</source>
        <translation>历史记录中没有运行。</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>history export needs one FILE (history export --format csv|json FILE)</source>
        <translation>history export 需要一个 FILE（history export --format csv|json FILE）</translation>
    </message>
    <message>
        <source>--format must be csv or json</source>
        <translation>--format 必须为 csv 或 json</translation>
    </message>
    <message>
        <source>Force logout of sessions, a user or every session of an RP, and report every RP&apos;s delivery.</source>
        <translation>强制注销会话、某个用户或某个依赖方的所有会话，并报告每个依赖方的投递情况。</translation>
    </message>
    <message>
        <source>A session to end (repeat for several).</source>
        <translation>要结束的会话（可重复指定多个）。</translation>
    </message>
    <message>
        <source>End every session of this user (id or username).</source>
        <translation>结束此用户（ID 或用户名）的所有会话。</translation>
    </message>
    <message>
        <source>End every session that includes this client id.</source>
        <translation>结束包含此客户端 ID 的所有会话。</translation>
    </message>
    <message>
        <source>Do not ask for confirmation (required without a terminal).</source>
        <translation>不询问确认（无终端时必须使用）。</translation>
    </message>
    <message>
        <source>Logout calls in flight, or the IdP&apos;s own parallelism (1..%1, default 8).</source>
        <translation>同时进行的注销调用数，或 IdP 自身的并行度（1..%1，默认 8）。</translation>
    </message>
    <message>
        <source>give exactly one of --session ID..., --user USER or --rp CLIENT_ID</source>
        <translation>请只指定 --session ID...、--user USER 或 --rp CLIENT_ID 中的一个</translation>
    </message>
    <message>
        <source>--session needs a session id</source>
        <translation>--session 需要会话 ID</translation>
    </message>
    <message>
        <source>--user and --rp need a value</source>
        <translation>--user 和 --rp 需要一个值</translation>
    </message>
    <message>
        <source>--concurrency must be a number from 1 to %1</source>
        <translation>--concurrency 必须是 1 到 %1 之间的数字</translation>
    </message>
    <message>
        <source>refusing to log out without confirmation: no terminal to ask on; add --yes</source>
        <translation>拒绝在未经确认的情况下注销：没有可用于询问的终端；请添加 --yes</translation>
    </message>
    <message>
        <source>logout is not available in this build</source>
        <translation>此构建不提供注销功能</translation>
    </message>
    <message>
        <source>not confirmed; nothing was sent</source>
        <translation>未确认；未发送任何内容</translation>
    </message>
    <message numerus="yes">
        <source>Log out %n session(s)</source>
        <translation>
            <numerusform>注销 %n 个会话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> of %n user(s)</source>
        <translation>
            <numerusform>（%n 个用户）</numerusform>
        </translation>
    </message>
    <message>
        <source> on %1 (%2): %3</source>
        <translation>，配置文件 %1（%2）：%3</translation>
    </message>
    <message>
        <source>will be notified</source>
        <translation>将收到通知</translation>
    </message>
    <message>
        <source>NOT notified: %1</source>
        <translation>不会收到通知：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the number of sessions (%1) to proceed: </source>
        <translation>输入会话数（%1）以继续：</translation>
    </message>
    <message>
        <source>Proceed? [y/N] </source>
        <translation>是否继续？[y/N] </translation>
    </message>
    <message>
        <source>cancelled: waiting for what was sent to be reported (Ctrl+C again to stop waiting)</source>
        <translation>已取消：正在等待已发送内容的结果报告（再次按 Ctrl+C 可停止等待）</translation>
    </message>
    <message>
        <source>Run %1 %2: %3 expected, %4 delivered, %5 failed, %6 timed out, %7 skipped, %8 unconfirmed</source>
        <translation>运行 %1 %2：预期 %3 个，已投递 %4 个，失败 %5 个，超时 %6 个，已跳过 %7 个，未确认 %8 个</translation>
    </message>
</context>
</TS>
