import DecisionRecords
import Foundation
import RuleEngine
import RuleLanguage
import Testing
import YAMLTree

/// `Engine.replica()`: the engine a second worker checks with, whose programs and record format
/// are its own, must judge every record as the engine it was made from.
@Suite struct EngineReplicaTests {
    /// The bundled example records, every document of every YAML file under `cases/`.
    static func caseDocuments() throws -> [(file: String, document: YAMLNode)] {
        let folder = BuiltinRules.folder.deletingLastPathComponent().appendingPathComponent("cases")
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "yaml", url.lastPathComponent != "registry.yaml" { files.append(url) }
        }
        var documents: [(String, YAMLNode)] = []
        for url in files.sorted(by: { $0.path < $1.path }) {
            for document in try YAMLParser.parse([UInt8](try Data(contentsOf: url)), file: url.path) {
                documents.append((url.path, document))
            }
        }
        return documents
    }

    /// What a finding says, in full enough to tell two apart.
    static func summary(_ findings: [Finding]) -> [String] {
        findings.map { finding in
            let place = finding.position.map { "\($0.line):\($0.column)" } ?? "-"
            let evidence = finding.evidence.map { "\($0.key)=\($0.value.en)" }.joined(separator: ",")
            return "\(finding.rule) \(place) \(finding.pending) \(finding.basis.instrument) \(finding.basis.article) \(finding.message.zh) \(finding.message.en) [\(evidence)]"
        }
    }

    static func engine(include: @escaping (Rule) -> Bool = { _ in true }, meeting: String? = nil) throws -> Engine {
        let context = EvaluationContext(
            rules: try BuiltinRules.load(), calendar: try BuiltinRules.calendar(), registry: Registry(people: [
                Person(id: "P-001", name: "王明", roles: ["legal_adviser"], qualifications: ["legal_profession"]),
            ]),
            asOf: Day(parsing: "2026-12-03") ?? Day(ordinal: 0), meeting: meeting.flatMap { Day(parsing: $0) })
        return Engine(context: context, include: include)
    }

    @Test func aReplicaFindsWhatItsEngineFindsOnEveryCase() throws {
        let engine = try Self.engine()
        let replica = engine.replica()
        // Its own format (and so its own numbering of step types), not the engine's.
        #expect(replica.format !== engine.format)
        #expect(replica.rules.map(\.id) == engine.rules.map(\.id))
        let documents = try Self.caseDocuments()
        #expect(documents.count > 20)
        var found = 0
        for (file, document) in documents {
            let own = Self.summary(engine.evaluate(engine.load(document, file: file), file: file).findings)
            let replicas = Self.summary(replica.evaluate(replica.load(document, file: file), file: file).findings)
            #expect(replicas == own, "\(file)")
            // A record loaded by one engine and judged by the other (steps numbered in another
            // format's vocabulary) is judged the same.
            let crossed = Self.summary(replica.evaluate(engine.load(document, file: file), file: file).findings)
            #expect(crossed == own, "\(file)")
            found += own.count
        }
        // The cases hold findings: the comparison compared something.
        #expect(found > 20)
    }

    @Test func aReplicaKeepsTheRulesItsEngineWasMadeWith() throws {
        // The meeting gate's engine runs only the prerequisite rules, on the meeting day.
        let engine = try Self.engine(include: \.prerequisite, meeting: "2026-04-08")
        let replica = engine.replica()
        #expect(!engine.rules.isEmpty)
        #expect(replica.rules.map(\.id) == engine.rules.map(\.id))
        #expect(replica.rules.allSatisfy { $0.prerequisite })
        #expect(replica.context.meeting == engine.context.meeting)
        for (file, document) in try Self.caseDocuments() {
            let own = Self.summary(engine.evaluate(engine.load(document, file: file), file: file).findings)
            let replicas = Self.summary(replica.evaluate(replica.load(document, file: file), file: file).findings)
            #expect(replicas == own, "\(file)")
        }
    }
}
