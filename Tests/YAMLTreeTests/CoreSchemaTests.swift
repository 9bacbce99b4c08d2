import Testing
import YAMLTree

/// Plain scalars resolve by the YAML 1.2 core schema; quoted and `!!str` scalars stay strings.
@Suite("Core schema")
struct CoreSchemaTests {
    /// The resolved value of `text` written as the value of a key.
    func value(_ text: String) throws -> CoreValue? {
        try parseOne("v: \(text)\n")["v"]?.coreValue
    }

    @Test(arguments: ["", "~", "null", "Null", "NULL"])
    func nulls(_ text: String) throws {
        #expect(try value(text) == .null)
    }

    @Test(arguments: ["true", "True", "TRUE"])
    func trues(_ text: String) throws {
        #expect(try value(text) == .bool(true))
    }

    @Test(arguments: ["false", "False", "FALSE"])
    func falses(_ text: String) throws {
        #expect(try value(text) == .bool(false))
    }

    @Test func notBooleansInTheCoreSchema() throws {
        // YAML 1.1 booleans are plain strings under 1.2.
        #expect(try value("yes") == .string("yes"))
        #expect(try value("no") == .string("no"))
        #expect(try value("on") == .string("on"))
        #expect(try value("tRUE") == .string("tRUE"))
    }

    /// Texts that begin like null, a boolean or a number but are none (the resolver picks the
    /// forms to try by the first byte).
    @Test func textsThatOnlyStartLikeOtherValues() throws {
        #expect(try value("2026-01-05") == .string("2026-01-05"))
        #expect(try value("nothing") == .string("nothing"))
        #expect(try value("NULLS") == .string("NULLS"))
        #expect(try value("~x") == .string("~x"))
        #expect(try value("tomorrow") == .string("tomorrow"))
        #expect(try value("Falsey") == .string("Falsey"))
        #expect(try value("-P-1") == .string("-P-1"))
        #expect(try value(".x") == .string(".x"))
        #expect(try value("+.inf") == .float(.infinity))
        // Null and the booleans are only compared with texts of their lengths, the infinities with short ones.
        #expect(try value("nul") == .string("nul"))
        #expect(try value("trues") == .string("trues"))
        #expect(try value("fals") == .string("fals"))
        #expect(try value("-.INF") == .float(-.infinity))
        #expect(try value("-.infinity") == .string("-.infinity"))
        #expect(try value("9223372036854775808") == .float(9_223_372_036_854_775_808))
        #expect(try value("一二三") == .string("一二三"))
    }

    @Test func integers() throws {
        #expect(try value("0") == .int(0))
        #expect(try value("42") == .int(42))
        #expect(try value("-17") == .int(-17))
        #expect(try value("+8") == .int(8))
        #expect(try value("007") == .int(7))
        #expect(try value("0x1F") == .int(31))
        #expect(try value("0xff") == .int(255))
        #expect(try value("0o17") == .int(15))
        #expect(try value("9223372036854775807") == .int(Int.max))
    }

    @Test func notIntegers() throws {
        #expect(try value("1_000") == .string("1_000"))
        #expect(try value("0x") == .string("0x"))
        #expect(try value("0xZZ") == .string("0xZZ"))
        #expect(CoreValue.resolve(YAMLScalar(text: "-")) == .string("-"))
        #expect(CoreValue.resolve(YAMLScalar(text: "+")) == .string("+"))
        #expect(try value("12abc") == .string("12abc"))
        #expect(try value("P-010") == .string("P-010"))
    }

    @Test func signedHexAndOctalAreNotIntegers() throws {
        // The core schema's hex and octal forms have no sign: 0x[0-9a-fA-F]+ and 0o[0-7]+.
        // CoreValue.resolveInt hands the text after the prefix to Int(_:radix:), which accepts a sign.
        let resolved = try ["0x-1", "0x+1F", "0o-7"].map { try value($0) }
        do {
            #expect(resolved == [.string("0x-1"), .string("0x+1F"), .string("0o-7")])
        }
    }

    @Test func floats() throws {
        #expect(try value("1.5") == .float(1.5))
        #expect(try value("-0.25") == .float(-0.25))
        #expect(try value(".5") == .float(0.5))
        #expect(try value("1.") == .float(1.0))
        #expect(try value("1e3") == .float(1000))
        #expect(try value("2.5E-1") == .float(0.25))
        #expect(try value("+3.0e+2") == .float(300))
    }

    @Test func infinitiesAndNaN() throws {
        #expect(try value(".inf") == .float(.infinity))
        #expect(try value(".Inf") == .float(.infinity))
        #expect(try value("+.INF") == .float(.infinity))
        #expect(try value("-.inf") == .float(-.infinity))
        guard case .float(let nan) = try value(".nan") else {
            Issue.record(".nan must resolve to a float")
            return
        }
        #expect(nan.isNaN)
    }

    @Test func notFloats() throws {
        #expect(try value(".") == .string("."))
        #expect(try value("1e") == .string("1e"))
        #expect(try value("e3") == .string("e3"))
        #expect(try value("1.2.3") == .string("1.2.3"))
        #expect(try value("inf") == .string("inf"))
        #expect(try value("2020-04-28") == .string("2020-04-28"))
    }

    @Test func quotedScalarsStayStrings() throws {
        #expect(try value("\"true\"") == .string("true"))
        #expect(try value("'12'") == .string("12"))
        #expect(try value("\"\"") == .string(""))
        #expect(try value("'null'") == .string("null"))
        #expect(try value("\"~\"") == .string("~"))
    }

    @Test func blockScalarsStayStrings() throws {
        let root = try parseOne("a: |\n  12\nb: >\n  true\n")
        #expect(root["a"]?.coreValue == .string("12\n"))
        #expect(root["b"]?.coreValue == .string("true\n"))
    }

    @Test func explicitTags() throws {
        let root = try parseOne("""
            a: !!str 12
            b: !!str true
            c: !!int "12"
            d: !!float "1.5"
            e: !!bool "true"
            f: !!null "anything"
            g: !!int twelve
            h: ! 12

            """)
        #expect(root["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["a"]?.coreValue == .string("12"))
        #expect(root["b"]?.coreValue == .string("true"))
        #expect(root["c"]?.coreValue == .int(12))
        #expect(root["d"]?.coreValue == .float(1.5))
        #expect(root["e"]?.coreValue == .bool(true))
        #expect(root["f"]?.coreValue == .null)
        #expect(root["g"]?.coreValue == .string("twelve"))
        #expect(root["h"]?.coreValue == .int(12))
    }

    @Test func customTagKeepsTheTextAsAString() throws {
        let root = try parseOne("a: !date 12\n")
        #expect(root["a"]?.tag == "!date")
        #expect(root["a"]?.coreValue == .string("12"))
    }

    @Test func collectionsHaveNoCoreValue() throws {
        let root = try parseOne("a: [1]\nb: {c: 1}\n")
        #expect(root["a"]?.coreValue == nil)
        #expect(root["b"]?.coreValue == nil)
        #expect(root.coreValue == nil)
    }

    @Test func textForm() {
        #expect(CoreValue.null.text == nil)
        #expect(CoreValue.bool(true).text == "true")
        #expect(CoreValue.bool(false).text == "false")
        #expect(CoreValue.int(-3).text == "-3")
        #expect(CoreValue.float(1.5).text == "1.5")
        #expect(CoreValue.string("张三").text == "张三")
    }

    @Test func resolveWithoutAParser() {
        #expect(CoreValue.resolve(YAMLScalar(text: "12")) == .int(12))
        #expect(CoreValue.resolve(YAMLScalar(text: "12", style: .singleQuoted)) == .string("12"))
        #expect(CoreValue.resolve(YAMLScalar(text: "12"), tag: "tag:yaml.org,2002:str") == .string("12"))
    }
}
