import Foundation
import Testing

@testable import SoxreadyCore

/// UUID v5 against published values: the expected UUIDs are Python's `uuid.uuid5` (the RFC's
/// algorithm), not soxready's.
struct NameBasedUUIDTests {
    @Test func theRFCNamespacesGiveTheKnownUUIDs() throws {
        let dns = try #require(UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
        // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), the example of Python's documentation.
        #expect(NameBasedUUID.text(NameBasedUUID.v5(namespace: dns, name: "python.org")) == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(NameBasedUUID.text(NameBasedUUID.urlNamespace) == "6ba7b811-9dad-11d1-80b4-00c04fd430c8")
        // uuid.uuid5(uuid.NAMESPACE_URL, "urn:soxready:oscal")
        #expect(NameBasedUUID.text(NameBasedUUID.soxready) == "3e0841f4-064d-53b1-b5f8-50c98a7a2353")
    }

    @Test func aRunsNamespaceAndElementsAreTheDocumentedOnes() {
        let ids = OSCALIdentifiers(fingerprint: InterchangeFixtures.fingerprint)
        // uuid5(SOXREADY_NS, fingerprint), then uuid5(run namespace, "<kind>:<key>").
        #expect(NameBasedUUID.text(ids.runNamespace) == "e626176c-702b-5183-b97b-23a511569d3e")
        #expect(ids.element("document:assessment-results") == "bfb9f489-72ef-5f9a-a9b4-3b85a4737710")
        #expect(ids.element("finding:mfa") == "bd1bfa53-5ec4-5ec6-9b87-582052fc3046")
        // An upper-case fingerprint is the same run.
        #expect(
            OSCALIdentifiers(fingerprint: InterchangeFixtures.fingerprint.uppercased()).element("result")
                == "cd155a0d-0b33-5e7e-b6dd-f8c4ff5bf30d")
        // People and applications are not run-scoped; their key is trimmed, collapsed, lower case.
        #expect(OSCALIdentifiers.person("  Dana   LEE ") == "86d8dabd-d249-5247-955b-da3ca819bae3")
        #expect(OSCALIdentifiers.person("Dana Lee <dana.lee@contoso.com>") == "86d8dabd-d249-5247-955b-da3ca819bae3")
        #expect(OSCALIdentifiers.application("General  Ledger") == "4f287255-709d-5730-a422-03d78f21cfa4")
    }

    @Test func everyUUIDIsVersion5WithTheRFCVariant() {
        for name in ["", "a", "finding:mfa", String(repeating: "é", count: 500)] {
            let text = NameBasedUUID.text(NameBasedUUID.v5(namespace: NameBasedUUID.soxready, name: name))
            let characters = Array(text)
            #expect(characters[14] == "5")
            #expect("89ab".contains(characters[19]))
            #expect(text == text.lowercased())
        }
    }
}
