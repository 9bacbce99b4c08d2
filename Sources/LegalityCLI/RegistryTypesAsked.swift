import DecisionRecords
import RuleEngine
import RuleLanguage

extension RegistryTypes {
    /// The certificate and qualification types the rules of a run ask for: each
    /// `certificate_valid` and `has_qualification` type, written or a parameter's — its default,
    /// its values under the law's versions, and the configuration's value; a registry's type may
    /// be written as a name of the vocabulary's (`certificate_types`, `qualification_types`).
    init(askedBy rules: [Rule], configuration: Configuration, vocabulary: Vocabulary) {
        self.init(vocabulary: vocabulary)
        for rule in rules {
            guard case .record(let check) = rule.body else { continue }
            func values(_ type: Expression) -> [String] {
                switch type {
                case .literal(.text(let text)): return [text]
                case .reference(let reference) where reference.path.isEmpty:
                    guard case .parameter(let name) = reference.root else { return [] }
                    var written = rule.parameters.filter { $0.name == name }.flatMap { $0.defaultList ?? [$0.defaultValue] }
                    for version in rule.versions { written += Self.literals(version.parameters[name]) }
                    written += Self.literals(configuration.parameters[rule.id]?[name])
                    return written.compactMap { literal in if case .text(let text) = literal { text } else { nil } }
                default: return []
                }
            }
            for expression in check.expressions.flatMap(\.descendants) {
                switch expression {
                case .certificateValid(_, let type, _), .certificateGap(_, let type, _, _): certificates.formUnion(values(type))
                case .hasQualification(_, let type): qualifications.formUnion(values(type))
                default: break
                }
            }
        }
        // A type asked by a name of it (`certificate_type: 执法证` in a configuration) is its code,
        // as the registry's types are read: the two were compared as written, and every officer's
        // 执法证, read as `enforcement`, no longer matched.
        if let types = certificateTypes { certificates = Set(certificates.map { types.code(for: $0) ?? $0 }) }
        if let types = qualificationTypes { qualifications = Set(qualifications.map { types.code(for: $0) ?? $0 }) }
    }

    private static func literals(_ value: ParameterValue?) -> [Literal] {
        switch value {
        case .single(let literal): [literal]
        case .list(let items): items
        case nil: []
        }
    }
}
