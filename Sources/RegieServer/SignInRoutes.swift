import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RegieApp
import RegieCore
import RegieReports
import RegieStore

/// Logging in with a local account, enrolling one through its link, your account page (with
/// logout, logout everywhere and API tokens) and the pages' stylesheet.
struct SignInRoutes {
    let environment: ServerEnvironment

    func addRoutes(to router: Router<RegieRequestContext>) {
        router.get("login", use: loginForm)
        router.post("login", use: logIn)
        router.post("logout", use: logOut)
        router.get("enrol/:code", use: enrolForm)
        router.post("enrol/:code", use: enrol)
        router.get("account", use: account)
        router.post("account/tokens", use: createToken)
        router.post("account/purpose", use: choosePurpose)
        router.get("assets/regie.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: SignInPage.stylesheet)))
        }
    }

    private func l(_ request: Request) -> L10n { L10n(language: environment.language(of: request)) }
    private var now: Date { environment.fixedNow ?? Date() }

    // MARK: Logging in

    struct LoginForm: Decodable {
        var person: String?
        var password: String?
        var code: String?
    }

    @Sendable func loginForm(_ request: Request, context: RegieRequestContext) async throws -> Response {
        loginPage(l(request), error: nil, person: "").response()
    }

    private func loginPage(_ l: L10n, error: RegieError?, person: String) -> SignInPage {
        var page = SignInPage(l, title: l("Log in", "Inloggen"))
        if let error { page.error(error.message(in: l.language), field: "person") }
        if let provider = environment.oidc {
            page.add("""
                <p><a class="button" href="/login/oidc">\(SignInPage.escape(l("Log in with \(provider.settings.name)", "Inloggen met \(provider.settings.name)")))</a></p>
                <h2>\(SignInPage.escape(l("Or with a Regie account", "Of met een Regie-account")))</h2>
                """)
        }
        page.add("""
            <form method="post" action="/login" novalidate>
            \(SignInPage.field("person", label: l("Your user name", "Je gebruikersnaam"), hint: l("As your application manager gave it to you.", "Zoals je applicatiebeheerder die gaf."),
                               autocomplete: "username", extra: "value=\"\(SignInPage.escape(person))\" spellcheck=\"false\""))
            \(SignInPage.field("password", label: l("Password", "Wachtwoord"), type: "password", autocomplete: "current-password"))
            \(SignInPage.field("code", label: l("Code from your authenticator app", "Code uit je authenticator-app"),
                               hint: l("The six digits the app shows now.", "De zes cijfers die de app nu toont."),
                               autocomplete: "one-time-code", extra: "inputmode=\"numeric\" pattern=\"[0-9 ]*\""))
            <button type="submit">\(SignInPage.escape(l("Log in", "Inloggen")))</button>
            </form>
            """)
        return page
    }

    @Sendable func logIn(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let l = l(request)
        try environment.checkOrigin(request)
        let form = try await Self.form(LoginForm.self, request, context)
        do {
            let (_, session) = try await environment.logins.logIn(person: form.person ?? "", password: form.password ?? "", code: form.code ?? "",
                                                                 address: environment.address(request, context), at: now)
            var response = Response(status: .seeOther, headers: [.location: environment.afterLogin(request)])
            response.setCookie(sessionCookie(session.secret, maxAge: Int(session.expiresAt.timeIntervalSince(now))))
            response.setCookie(environment.returnCookieCleared)
            return response
        } catch {
            // 401 for wrong credentials, 403 when locked, 503 when the store is out of reach.
            return loginPage(l, error: error, person: form.person ?? "").response(status: ProblemDetails.status(of: error, conditional: false))
        }
    }

    /// Ends this session, or with `everywhere` every session of the person; the cookie is cleared.
    @Sendable func logOut(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let form = try await Self.form(CSRFForm.self, request, context)
        let who = try await environment.sessionIdentity(request, csrf: form.csrf)
        try await environment.logins.logOut(who, everywhere: form.everywhere == "yes", at: now)
        var response = Response(status: .seeOther, headers: [.location: "/login"])
        response.setCookie(sessionCookie("", maxAge: 0))
        return response
    }

    private func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: environment.sessionCookieName, value: value, maxAge: maxAge, path: "/", secure: environment.settings.isTLS,
               httpOnly: true, sameSite: .strict)
    }

    // MARK: Enrolling

    struct EnrolForm: Decodable {
        var password: String?
        var repeated: String?
        var code: String?
    }

    @Sendable func enrolForm(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let code = context.parameters.get("code") ?? ""
        do {
            let (person, totp) = try await environment.logins.enrolment(code: code, at: now)
            return enrolPage(l(request), person: person, totp: totp, code: code, error: nil).response()
        } catch {
            return Self.problemPage(l(request), error)
        }
    }

    /// A page that says what went wrong, for a person at a browser rather than a program.
    static func problemPage(_ l: L10n, _ error: RegieError) -> Response {
        var page = SignInPage(l, title: l("Set up your account", "Je account instellen"))
        page.error(error.message(in: l.language), field: nil)
        if let hint = error.hint(in: l.language) { page.add("<p>\(SignInPage.escape(hint))</p>") }
        return page.response(status: ProblemDetails.status(of: error, conditional: false))
    }

    private func enrolPage(_ l: L10n, person: Workspace.Person, totp: TOTP, code: String, error: RegieError?) -> SignInPage {
        var page = SignInPage(l, title: l("Set up your account", "Je account instellen"))
        if let error {
            let field = [.codeInvalid].contains(error.code) ? "code" : error.code == .passwordsDiffer ? "repeated" : "password"
            page.error(error.message(in: l.language), field: field)
        }
        let grouped = stride(from: 0, to: totp.base32.count, by: 4).map { offset -> String in
            let start = totp.base32.index(totp.base32.startIndex, offsetBy: offset)
            return String(totp.base32[start..<(totp.base32.index(start, offsetBy: 4, limitedBy: totp.base32.endIndex) ?? totp.base32.endIndex)])
        }.joined(separator: " ")
        page.add("""
            <p>\(SignInPage.escape(l("This account is for \(person.name). Your user name is", "Dit account is voor \(person.name). Je gebruikersnaam is"))) <strong>\(SignInPage.escape(person.id))</strong>.</p>
            <h2>\(SignInPage.escape(l("1. Add Regie to your authenticator app", "1. Voeg Regie toe aan je authenticator-app")))</h2>
            <p>\(SignInPage.escape(l("Choose “enter a key” in the app and type this key:", "Kies in de app ‘sleutel invoeren’ en typ deze sleutel:")))</p>
            <p class="secret">\(SignInPage.escape(grouped))</p>
            <p class="hint">\(SignInPage.escape(l("Time-based, 6 digits, every 30 seconds.", "Op tijd gebaseerd, 6 cijfers, elke 30 seconden.")))</p>
            <h2>\(SignInPage.escape(l("2. Choose a password", "2. Kies een wachtwoord")))</h2>
            <form method="post" action="/enrol/\(SignInPage.escape(code))" novalidate>
            \(SignInPage.field("password", label: l("Password", "Wachtwoord"), hint: l("At least 12 characters. A few words that belong together for you only work well.",
                                                                                      "Minstens 12 tekens. Een paar woorden die alleen voor jou bij elkaar horen werken goed."),
                               type: "password", autocomplete: "new-password"))
            \(SignInPage.field("repeated", label: l("The same password again", "Hetzelfde wachtwoord nog eens"), type: "password", autocomplete: "new-password"))
            \(SignInPage.field("code", label: l("Code from your authenticator app", "Code uit je authenticator-app"),
                               hint: l("This shows the app is set up.", "Zo is te zien dat de app klaar is."), autocomplete: "one-time-code",
                               extra: "inputmode=\"numeric\" pattern=\"[0-9 ]*\""))
            <button type="submit">\(SignInPage.escape(l("Set up my account", "Mijn account instellen")))</button>
            </form>
            """)
        return page
    }

    @Sendable func enrol(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let l = l(request)
        try environment.checkOrigin(request)
        let code = context.parameters.get("code") ?? ""
        let form = try await Self.form(EnrolForm.self, request, context)
        let person: Workspace.Person, totp: TOTP
        do {
            (person, totp) = try await environment.logins.enrolment(code: code, at: now)
        } catch {
            return Self.problemPage(l, error)
        }
        do {
            try await environment.logins.enrol(code: code, password: form.password ?? "", repeated: form.repeated ?? "", typedCode: form.code ?? "", at: now)
        } catch {
            // A password or code to correct: the form again, saying what; anything else is an error.
            guard error.status == .usage else { throw error }
            return enrolPage(l, person: person, totp: totp, code: code, error: error).response(status: .badRequest)
        }
        var page = SignInPage(l, title: l("Your account is ready", "Je account is klaar"))
        page.add("<p><a href=\"/login\">\(SignInPage.escape(l("Log in now", "Nu inloggen")))</a></p>")
        return page.response()
    }

    // MARK: Your account

    struct CSRFForm: Decodable {
        var csrf: String?
        var everywhere: String?
        var name: String?
        var days: Int?
        var purpose: String?
    }

    @Sendable func account(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let who: Authenticated
        do {
            who = try await environment.sessionIdentity(request, csrf: nil)
        } catch let error as RegieError where error.status == .notPermitted {
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
        return accountPage(l(request), who, made: nil).response()
    }

    private func accountPage(_ l: L10n, _ who: Authenticated, made: (id: String, secret: String)?) -> SignInPage {
        guard case .session(_, let csrf) = who.credential else { return SignInPage(l, title: "") }
        var page = SignInPage(l, title: l("Your account", "Je account"))
        let hidden = "<input type=\"hidden\" name=\"csrf\" value=\"\(SignInPage.escape(csrf))\">"
        page.add("<p>\(SignInPage.escape(l("Logged in as", "Ingelogd als"))) <strong>\(SignInPage.escape(who.person.name))</strong> (\(SignInPage.escape(who.person.id))).</p>")
        if let made {
            page.add("""
                <div class="panel" role="status"><h2>\(SignInPage.escape(l("Your new token", "Je nieuwe token")))</h2>
                <p class="secret">\(SignInPage.escape(made.secret))</p>
                <p>\(SignInPage.escape(l("Copy it now: it is not shown again. Use it with `regie login` or in a script.",
                                         "Kopieer het nu: het wordt niet opnieuw getoond. Gebruik het met `regie login` of in een script.")))</p></div>
                """)
        }
        let purpose = who.purpose ?? environment.workspace.audit.purpose
        page.add("""
            <h2>\(SignInPage.escape(l("Why you read case data", "Waarom je casusgegevens inziet")))</h2>
            <form method="post" action="/account/purpose">\(hidden)
            \(SignInPage.field("purpose", label: l("Purpose", "Doel"), value: purpose,
                               hint: l("Recorded with every case you open in this session, such as care or supervision.",
                                       "Wordt vastgelegd bij elke casus die je in deze sessie opent, zoals zorg of intervisie."),
                               autocomplete: "off"))
            <button type="submit">\(SignInPage.escape(l("Keep this purpose", "Dit doel bewaren")))</button></form>
            <h2>\(SignInPage.escape(l("Make an API token", "Een API-token maken")))</h2>
            <form method="post" action="/account/tokens">\(hidden)
            \(SignInPage.field("name", label: l("What it is for", "Waar het voor is"), hint: l("Such as laptop or export script.", "Zoals laptop of exportscript."), autocomplete: "off"))
            <button type="submit">\(SignInPage.escape(l("Make the token", "Token maken")))</button></form>
            <h2>\(SignInPage.escape(l("Log out", "Uitloggen")))</h2>
            <form method="post" action="/logout">\(hidden)<button type="submit">\(SignInPage.escape(l("Log out", "Uitloggen")))</button></form>
            <form method="post" action="/logout">\(hidden)<input type="hidden" name="everywhere" value="yes">
            <button type="submit" class="secondary">\(SignInPage.escape(l("Log out on every device", "Op elk apparaat uitloggen")))</button></form>
            """)
        return page
    }

    @Sendable func createToken(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let form = try await Self.form(CSRFForm.self, request, context)
        let who = try await environment.sessionIdentity(request, csrf: form.csrf)
        var context = context
        context.identity = who
        return try await environment.withSession(request, context) { session in
            let (token, secret) = try await session.createToken(name: form.name ?? "", days: form.days)
            return accountPage(session.l, who, made: (token.id, secret)).response(status: .created)
        }
    }

    /// The account page's purpose form: what this session's reads are recorded as being for.
    @Sendable func choosePurpose(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let form = try await Self.form(CSRFForm.self, request, context)
        let who = try await environment.sessionIdentity(request, csrf: form.csrf)
        return accountPage(l(request), try await environment.logins.setPurpose(form.purpose, of: who), made: nil).response()
    }

    /// A form body (application/x-www-form-urlencoded) within the size limit.
    static func form<T: Decodable>(_ type: T.Type, _ request: Request, _ context: RegieRequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: buffer))
        } catch {
            throw RegieError(.usage, .requestBodyInvalid, ["detail": "it is not a form"])
        }
    }
}
