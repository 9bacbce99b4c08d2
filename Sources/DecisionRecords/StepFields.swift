import YAMLTree

/// The values of a step's keys, found in one pass over its pairs: the step reader asks for about
/// fifteen keys, and looking each up walked the pairs again. The keys that are none of the
/// format's (`RecordFormat.stepKeys`) are kept, in written order, for the unknown-key check.
struct StepFields {
    var type, date, start, end, status, outcome, form, submitted: YAMLNode?
    var by, officers, attendees, credentialsShown, signoffs, meeting: YAMLNode?
    /// The key nodes, and their texts, of the keys that are none of the format's.
    var otherKeys: [(node: YAMLNode, text: String)] = []

    /// Fields of no step yet (see `read(_:)`).
    init() {}

    /// Finds the fields of a step. (Read into the caller's value: a struct of fifteen nodes built
    /// by an initializer was copied out of it, every node retained and released, for each step.)
    mutating func read(_ step: YAMLNode) {
        guard let pairs = step.pairs else { return }
        for pair in pairs {
            // A key that is no scalar is none of the format's and is not reported (as by lookups).
            guard let key = pair.key.scalar?.text else { continue }
            let value = pair.value
            // The format's keys are ASCII letters and underscores, which no other text equals: the
            // length picks the one to three a key can be. (Keys are unique, so each is set once.)
            switch key.utf8.count {
            case 2 where key == "by": by = value
            case 3 where key == "end": end = value
            case 4 where key == "type": type = value
            case 4 where key == "date": date = value
            case 4 where key == "form": form = value
            case 5 where key == "start": start = value
            case 6 where key == "status": status = value
            case 7 where key == "outcome": outcome = value
            case 7 where key == "meeting": meeting = value
            case 7 where key == "channel": break
            case 8 where key == "officers": officers = value
            case 8 where key == "signoffs": signoffs = value
            case 9 where key == "submitted": submitted = value
            case 9 where key == "attendees": attendees = value
            case 9 where key == "documents": break
            case 17 where key == "credentials_shown": credentialsShown = value
            default: otherKeys.append((pair.key, key))
            }
        }
    }
}
