import RegieCore
import RegieAudit

/// The words for what `audit verify` found, in nl and en.
package enum AuditProblemText {
    package static func locate(_ problem: AuditProblem, l: L10n) -> String {
        switch (problem.caseID, problem.version, problem.accessSequence) {
        case let (_, _, sequence?): l("access log entry \(sequence)", "inzagelog-regel \(sequence)")
        case let (caseID?, version?, nil): l("case \(caseID), version \(version)", "casus \(caseID), versie \(version)")
        case let (caseID?, nil, nil): l("case \(caseID)", "casus \(caseID)")
        default: l("the record as a whole", "het dossier als geheel")
        }
    }

    package static func describe(_ kind: AuditProblem.Kind, l: L10n) -> String {
        switch kind {
        case .versionGap(let expected):
            l("version \(expected) is missing or out of place", "versie \(expected) ontbreekt of staat niet op zijn plaats")
        case .brokenLink:
            l("its link to the previous event is broken (an event before it was changed, removed or inserted)",
              "de schakel naar de vorige gebeurtenis is gebroken (een eerdere gebeurtenis is gewijzigd, verwijderd of ingevoegd)")
        case .hashMismatch:
            l("its stored hash does not match its envelope (type, actor, time, rules or version changed)",
              "de opgeslagen hash past niet bij de envelop (soort, persoon, tijd, regels of versie gewijzigd)")
        case .payloadMismatch:
            l("its content does not match its commitment (the payload was changed)",
              "de inhoud past niet bij de vastlegging (de inhoud is gewijzigd)")
        case .payloadMissing:
            l("its content or salt is missing (Regie never erases without an erasure event)",
              "de inhoud of het zout ontbreekt (Regie wist nooit zonder een wisgebeurtenis)")
        case .unreadable(let column):
            l("its \(column) column cannot be read", "de kolom \(column) kan niet worden gelezen")
        case .listDisagrees(let listVersion, let logVersion):
            l("the case list says version \(listVersion), the record ends at version \(logVersion) or with another hash",
              "de casuslijst zegt versie \(listVersion), het dossier eindigt bij versie \(logVersion) of met een andere hash")
        case .caseWithoutEvents:
            l("the case is listed but has no events", "de casus staat in de lijst maar heeft geen gebeurtenissen")
        case .eventsWithoutListedCase:
            l("there are events of a case that is not listed", "er zijn gebeurtenissen van een casus die niet in de lijst staat")
        case .sequenceBroken(let sequence):
            l("the commit order is broken at position \(sequence) (an event was removed, inserted or renumbered)",
              "de volgorde van vastleggen is gebroken bij positie \(sequence) (een gebeurtenis is verwijderd, ingevoegd of hernummerd)")
        case .countDisagrees(let stated, let found):
            l("the log should hold \(stated) events but holds \(found)", "het logboek hoort \(stated) gebeurtenissen te bevatten maar bevat er \(found)")
        case .rootDisagrees:
            l("the Merkle root over all events differs from the one kept", "de Merkle-wortel over alle gebeurtenissen wijkt af van de bewaarde")
        case .checkpointSignature(let id):
            l("the signature of \(name(id, l)) does not hold", "de handtekening van \(name(id, l)) klopt niet")
        case .checkpointForeignKey(let id):
            l("\(name(id, l)) was signed with another key than this workspace's", "\(name(id, l)) is ondertekend met een andere sleutel dan die van deze werkomgeving")
        case .checkpointOtherLog(let id):
            l("\(name(id, l)) belongs to another log", "\(name(id, l)) hoort bij een ander logboek")
        case .checkpointBeyondLog(let id, let signed, let found):
            l("\(name(id, l)) signed \(signed) events, the record now holds \(found) in order (the end was cut off)",
              "\(name(id, l)) ondertekende \(signed) gebeurtenissen, het dossier bevat er nu \(found) op volgorde (het einde is afgeknipt)")
        case .checkpointRoot(let id):
            l("the events \(name(id, l)) signed were changed since", "de gebeurtenissen die \(name(id, l)) ondertekende zijn sindsdien gewijzigd")
        case .checkpointHeadsList(let id):
            l("the list of case heads kept with \(name(id, l)) was changed", "de lijst met casuskoppen bij \(name(id, l)) is gewijzigd")
        case .checkpointHead(let id, let signedVersion, let confirmed) where confirmed < signedVersion && confirmed == signedVersion &- 1:
            l("is the first event that differs from what \(name(id, l)) signed, or is gone (version \(confirmed) still matches)",
              "is de eerste gebeurtenis die afwijkt van wat \(name(id, l)) ondertekende, of is verdwenen (versie \(confirmed) klopt nog)")
        case .checkpointHead(let id, let signedVersion, let confirmed):
            l("differs from what \(name(id, l)) signed, or is gone; the change lies after version \(confirmed), at or before \(signedVersion)",
              "wijkt af van wat \(name(id, l)) ondertekende, of is verdwenen; de wijziging zit na versie \(confirmed), uiterlijk bij \(signedVersion)")
        case .checkpointAccess(let id):
            l("the access log differs from what \(name(id, l)) signed", "het inzagelog wijkt af van wat \(name(id, l)) ondertekende")
        case .exportedNotInDatabase:
            l("the exported checkpoint is not among the database's checkpoints", "het geëxporteerde controlepunt staat niet tussen de controlepunten in de database")
        case .cosignatureMissing(let id, let witness):
            l("\(id == 0 ? l("no checkpoint", "geen controlepunt") : name(id, l)) is not cosigned by witness \(witness)",
              "\(id == 0 ? "geen controlepunt" : name(id, l)) is niet medeondertekend door getuige \(witness)")
        case .cosignatureBroken(let id, let witness):
            l("the cosignature of witness \(witness) on \(name(id, l)) does not hold",
              "de medeondertekening van getuige \(witness) op \(name(id, l)) klopt niet")
        case .accessGap(let expected):
            l("access log entry \(expected) is missing or out of place", "inzagelog-regel \(expected) ontbreekt of staat niet op zijn plaats")
        case .accessLink:
            l("its link to the previous access entry is broken", "de schakel naar de vorige inzageregel is gebroken")
        case .accessHash:
            l("its stored hash does not match its contents", "de opgeslagen hash past niet bij de inhoud")
        case .accessCountDisagrees(let stated, let found):
            l("the access log should hold \(stated) entries but holds \(found), or ends with another hash",
              "het inzagelog hoort \(stated) regels te bevatten maar bevat er \(found), of eindigt met een andere hash")
        case .illegalTransition(let en, let nl):
            l("the transition was not legal under its recorded rules: \(en)", "de overgang was niet geldig onder de vastgelegde regels: \(nl)")
        case .unreadablePayload:
            l("its content cannot be read back", "de inhoud kan niet worden teruggelezen")
        case .ruleSourceAltered(let hash):
            l("the stored rules \(hash.prefix(19))… no longer match their content hash (a workflow or plugin was rewritten)",
              "de opgeslagen regels \(hash.prefix(19))… passen niet meer bij hun inhoudshash (een workflow of plugin is herschreven)")
        case .listFieldDisagrees(let field):
            l("the case list's \(field) is not what the case's events give", "de \(field) in de casuslijst klopt niet met de gebeurtenissen")
        case .checkpointMissing(0, let reason):
            l("a checkpoint is missing (\(reason))", "er ontbreekt een controlepunt (\(reason))")
        case .checkpointMissing(let events, let reason):
            l("the checkpoint due after event \(events) (\(reason)) is missing", "het controlepunt dat na gebeurtenis \(events) hoorde (\(reason)) ontbreekt")
        case .reportFactsDisagree:
            l("the figures stored for the team report are not what its events give",
              "de opgeslagen cijfers voor het teamrapport kloppen niet met de gebeurtenissen")
        }
    }

    private static func name(_ id: Int, _ l: L10n) -> String {
        id == 0 ? l("the exported checkpoint", "het geëxporteerde controlepunt") : l("checkpoint \(id)", "controlepunt \(id)")
    }
}

extension TransitionCheck.Problem {
    /// Why a recorded transition does not replay, in words.
    package func title(_ l: L10n) -> String {
        switch self {
        case .wrongStartingStatus:
            l("the recorded starting status is not the case's status at that moment",
              "de vastgelegde beginstatus is niet de status van de casus op dat moment")
        case .illegalMove(let kind):
            l("\(kind.rawValue) was not a legal move from that status", "‘\(kind.title(l))’ was vanuit die status geen geldige stap")
        case .missingReason(let kind):
            l("\(kind.rawValue) needs a reason and has none", "‘\(kind.title(l))’ vraagt om een reden en heeft er geen")
        case .checklistDiffers(let recorded, let recomputed):
            l("the recorded unmet items [\(recorded.joined(separator: ", "))] differ from the rules' [\(recomputed.joined(separator: ", "))]",
              "de vastgelegde open punten [\(recorded.joined(separator: ", "))] verschillen van die van de regels [\(recomputed.joined(separator: ", "))]")
        case .overrideWithoutReason:
            l("an override without a written reason", "doorgezet zonder geschreven reden")
        case .guardsDiffer:
            l("the recorded plugin verdicts differ from what the pinned plugins say",
              "de vastgelegde oordelen van de plugins verschillen van wat de vastgepinde plugins zeggen")
        }
    }
}
