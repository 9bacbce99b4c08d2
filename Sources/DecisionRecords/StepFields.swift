import YAMLTree

/// The values of a step's keys, found in one pass over its pairs: the step reader asks for about
/// fifteen keys, and looking each up walked the pairs again. The keys that are none of the
/// format's (`RecordFormat.stepKeys`) are kept, in written order, for the unknown-key check.
///
/// A field is kept as its pair's place in the step (`BorrowedNode.pairPlaces`), and made a node
/// only when it is read.
struct StepFields {
    /// The step whose pairs the places are of.
    private var step: BorrowedNode?
    private var places = Places()
    /// The places of the keys that are none of the format's, with their texts.
    private(set) var otherKeys: [(place: Int, text: String)] = []
    /// The places of keys that are a list or a mapping, none of the format's.
    private(set) var collectionKeys: [Int] = []

    /// Each field's pair's place, -1 while absent.
    private struct Places {
        var type = -1, date = -1, start = -1, end = -1, status = -1, outcome = -1, form = -1, submitted = -1
        var by = -1, officers = -1, attendees = -1, credentialsShown = -1, signoffs = -1, meeting = -1, documents = -1, channel = -1
    }

    /// Fields of no step yet (see `read(_:)`).
    init() {}

    var type: BorrowedNode? { value(places.type) }
    var date: BorrowedNode? { value(places.date) }
    var start: BorrowedNode? { value(places.start) }
    var end: BorrowedNode? { value(places.end) }
    var status: BorrowedNode? { value(places.status) }
    var outcome: BorrowedNode? { value(places.outcome) }
    var form: BorrowedNode? { value(places.form) }
    var submitted: BorrowedNode? { value(places.submitted) }
    var by: BorrowedNode? { value(places.by) }
    var officers: BorrowedNode? { value(places.officers) }
    var attendees: BorrowedNode? { value(places.attendees) }
    var credentialsShown: BorrowedNode? { value(places.credentialsShown) }
    var signoffs: BorrowedNode? { value(places.signoffs) }
    var meeting: BorrowedNode? { value(places.meeting) }
    var documents: BorrowedNode? { value(places.documents) }
    var channel: BorrowedNode? { value(places.channel) }

    private func value(_ place: Int) -> BorrowedNode? {
        place < 0 ? nil : step?.value(at: place)
    }

    /// Finds the fields of a step (read into the caller's value: a struct built by an initializer
    /// was copied out of it for each step).
    mutating func read(_ step: BorrowedNode) {
        guard step.kind == .mapping else { return }
        self.step = step
        for place in step.pairPlaces {
            // A key that is no scalar is none of the format's (the step reader reports it).
            guard let key = step.keyText(at: place) else {
                collectionKeys.append(place)
                continue
            }
            // The format's keys are ASCII letters and underscores, which no other text equals: the
            // length picks the one to three a key can be. (Keys are unique, so each is set once.)
            switch key.utf8.count {
            case 2 where key == "by": places.by = place
            case 3 where key == "end": places.end = place
            case 4 where key == "type": places.type = place
            case 4 where key == "date": places.date = place
            case 4 where key == "form": places.form = place
            case 5 where key == "start": places.start = place
            case 6 where key == "status": places.status = place
            case 7 where key == "outcome": places.outcome = place
            case 7 where key == "meeting": places.meeting = place
            case 7 where key == "channel": places.channel = place
            case 8 where key == "officers": places.officers = place
            case 8 where key == "signoffs": places.signoffs = place
            case 9 where key == "submitted": places.submitted = place
            case 9 where key == "attendees": places.attendees = place
            case 9 where key == "documents": places.documents = place
            case 17 where key == "credentials_shown": places.credentialsShown = place
            default: otherKeys.append((place, key))
            }
        }
    }
}
