package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.OffsetDateTime
import java.time.ZoneOffset

/** ISBT 128 DIN and check character: the ST-001 worked examples and positional refusals. */
class Isbt128Test {
    @Test
    fun workedCheckCharacters() {
        assertEquals("A", checkCharacter("G123417654321")) // ST-001 Appendix A.1
        assertEquals("G", checkCharacter("W000009123456")) // ST-001 7.4.1
        assertEquals("N", checkCharacter("A999818123456")) // ST-001 7.5.1.1
        assertEquals("70", type3Flag("G123417654321"))
        assertEquals("83", type3Flag("A999818123456"))
    }

    @Test
    fun formsParseToTheSameDin() {
        val bar = parseDin("=A99992112345600")
        assertEquals("A999921123456", bar.din13)
        assertEquals("A9999", bar.facility)
        assertEquals(21, bar.year)
        assertEquals(123456, bar.sequence)
        assertEquals("00", bar.flags)
        assertEquals("not_used", bar.flagKind)
        val printed = parseDin("A9999 21 123456")
        assertEquals(bar.din13, printed.din13)
        assertNull(printed.flags)
        assertEquals(dinOf("W000009123456", "02"), parseDin("W0000 09 123456 02 [G]"))
    }

    @Test
    fun eyeReadableAndBarcode() {
        val din = parseDin("=G12341765432170")
        assertEquals("A", din.checkCharacter)
        assertEquals("type3_check", din.flagKind)
        assertEquals("G1234 17 654321 70 [A]", din.eyeReadable)
        assertEquals("=G12341765432170", din.barcode)
    }

    @Test
    fun wrongCheckCharacterIsInvalidCodeWithPosition() {
        val e = assertThrows<RaktException.InvalidCode> { parseDin("W0000 09 123456 02 [H]") }
        assertEquals(21, e.position)
        assertEquals("W0000 09 123456 02 [H]", e.input)
        assertEquals("ISBT 128 donation identification number", e.structure)
        assertEquals("check character H is wrong; the DIN's check character is G", e.reason)
    }

    @Test
    fun refusalsNameThePosition() {
        val cases = mapOf(
            "O123417654321" to 1,
            "GO23417654321" to 2,
            "G12A417654321" to 4,
            "G1234A7654321" to 6,
            "G12341765432X" to 13,
            "=G12341765432171" to 15,
            "g123417654321" to 1,
            "" to 1,
        )
        for ((text, position) in cases) {
            val e = assertThrows<RaktException.InvalidCode>(text) { parseDin(text) }
            assertEquals(position, e.position, text)
        }
        assertEquals(13, assertThrows<RaktException.InvalidCode> { checkCharacter("G12341765432") }.position)
    }

    // ---- blood groups (002), product codes (003), dates (004-009), scans and labels ------------

    private val ist = ZoneOffset.ofHoursMinutes(5, 30)
    private val docLabel = "=A99992112345600=%6200=<E0398VA0&>0263652359&*0263500900"
    private val table = """
        [[product]]
        code = "E0398"
        product = { component = "red_cells", preservative = "additive_solution", modifications = ["irradiated", "leucoreduced"] }
        description = "RED BLOOD CELLS|CPD>AS5/450mL/refg|Irr|ResLeu"
    """.trimIndent()

    @Test
    fun decodeBloodGroupWithOrWithoutIdentifier() {
        val g = decodeBloodGroup("=%5100")
        assertEquals(parseBloodGroup("O+"), g.bloodGroup)
        assertEquals("group", g.kind)
        assertEquals("51", g.code)
        assertEquals("O", g.labelGroup)
        assertEquals("positive", g.rhd)
        assertEquals("default", g.intendedUse)
        assertNull(g.donationType)
        assertEquals("no_information", g.rhPhenotype)
        assertEquals("=%5100", g.encoded)
        assertEquals("5100", g.data)
        assertEquals(g, decodeBloodGroup("5100"))
    }

    @Test
    fun specialMessageImpliesAStatus() {
        val q = decodeBloodGroup("=%Mq00")
        assertEquals("special", q.kind)
        assertEquals("quarantine", q.specialMessage)
        assertEquals(UnitStatus.QUARANTINED, q.impliedStatus)
        assertNull(q.bloodGroup)
        assertEquals(UnitStatus.DISCARDED, decodeBloodGroup("=%Md00").impliedStatus)
    }

    @Test
    fun table4ColumnsPooledAndTable6() {
        val g = decodeBloodGroup("=%P8J0")
        assertEquals("autologous_only", g.intendedUse)
        assertEquals(DonationType.AUTOLOGOUS, g.donationType)
        assertEquals("C-c+E-e+", g.rhPhenotype)
        assertEquals("positive", g.kell)
        val a1 = decodeBloodGroup("=%I0V0")
        assertEquals("a1", a1.pooledOrSubgroup)
        assertEquals("A1", a1.bloodGroup?.notation())
        assertEquals(true, a1.miaMurPositive)
        assertTrue(decodeBloodGroup("=%51W0").seeSpecialTesting)
    }

    @Test
    fun bloodGroupRefusalsNameThePosition() {
        for ((text, position) in mapOf("=%5101" to 6, "=%9900" to 3, "=%51a0" to 5, "=5100" to 2, "" to 1)) {
            val e = assertThrows<RaktException.InvalidCode>(text) { decodeBloodGroup(text) }
            assertEquals(position, e.position, text)
            assertEquals("ISBT 128 blood group", e.structure)
        }
    }

    @Test
    fun encodeBloodGroupFromAGroup() {
        assertEquals("=%5100", encodeBloodGroup(parseBloodGroup("O+")).encoded)
        assertEquals("02", encodeBloodGroup(parseBloodGroup("A-"), "directed_only").code)
        assertEquals("=%87K0", encodeBloodGroup(parseBloodGroup("AB+"), "autologous_biohazard", "K").encoded)
        val na = assertThrows<RaktException.NotApplicable> { encodeBloodGroup(parseBloodGroup("Oh")) }
        assertEquals("ISBT128_GROUP_NOT_CODED", na.code)
        val use = assertThrows<RaktException.InvalidInput> { encodeBloodGroup(parseBloodGroup("O+"), "emergency") }
        assertEquals("intended_use", use.field)
        val ch = assertThrows<RaktException.InvalidInput> { encodeBloodGroup(parseBloodGroup("O+"), "default", "a") }
        assertEquals("rh_kell", ch.field)
    }

    @Test
    fun productCodes() {
        val p = parseProductCode("=<E4306V00")
        assertEquals("E4306", p.descriptionCode)
        assertEquals("blood_component", p.family)
        assertEquals("volunteer_homologous", p.collectionType)
        assertEquals(DonationType.VOLUNTARY, p.donationType)
        assertEquals("00", p.division)
        assertNull(p.packCode)
        assertEquals(p, parseProductCode("E4306V00"))
        assertEquals("001", parseProductCode("T1234001").packCode)
        assertEquals(8, assertThrows<RaktException.InvalidCode> { parseProductCode("=<E4306Z00") }.position)
    }

    @Test
    fun datesAndTimes() {
        val d = decodeDatetime("&>0183652359")
        assertEquals("expiration", d.kind)
        assertEquals("005", d.structure)
        assertEquals(LocalDate.of(2018, 12, 31), d.date)
        assertEquals(LocalTime.of(23, 59), d.time)
        assertEquals(LocalDateTime.of(2018, 12, 31, 23, 59), d.datetime)
        val only = decodeDatetime("=*024366")
        assertEquals("006", only.structure)
        assertNull(only.time)
        assertEquals(LocalDateTime.of(2024, 12, 31, 23, 59), only.datetime)
        for ((text, position) in mapOf("=>018366" to 6, "=>026366" to 6, "&>0260012400" to 9, "&>0260012360" to 11)) {
            assertEquals(position, assertThrows<RaktException.InvalidCode>(text) { decodeDatetime(text) }.position, text)
        }
        assertEquals("=>018365", encodeDate("expiration", LocalDate.of(2018, 12, 31)).encoded)
        assertEquals("&*0263500900", encodeDatetime("collection", OffsetDateTime.of(2026, 12, 16, 9, 0, 59, 0, ist)).encoded)
        assertEquals("kind", assertThrows<RaktException.InvalidInput> { encodeDate("expiry", LocalDate.of(2026, 1, 1)) }.field)
    }

    @Test
    fun scans() {
        val items = parseScan("=A99992112345600=%6200=<E0398V00&>0261232359=)1234567890")
        assertEquals(listOf(1, 17, 23, 33, 45), items.map { it.offset })
        assertEquals(listOf("din", "blood_group", "product", "date", "other"), items.map { it.kind })
        assertEquals(dinOf("A999921123456", "00"), items[0].din)
        assertEquals(decodeBloodGroup("=%6200"), items[1].bloodGroup)
        assertEquals(parseProductCode("=<E0398V00"), items[2].product)
        assertEquals(decodeDatetime("&>0261232359"), items[3].date)
        assertEquals("=)", items[4].identifier)
        assertEquals("1234567890", items[4].data)
        assertNull(items[0].bloodGroup)
        assertEquals(38, assertThrows<RaktException.InvalidCode> { parseScan("=A99992112345600=%6200=<E0398V00&>0263672359") }.position)
    }

    @Test
    fun compoundMessagesAndTable2Structures() {
        val items = parseScan("=+04000=/A9997XYZ100T0479=A99991712345600=,000012=>019031\r\n")
        assertEquals(listOf(1, 8, 26, 42, 50), items.map { it.offset })
        assertEquals(listOf("023", "034", "001", "032", "004"), items.map { it.number })
        assertEquals(listOf("compound_message", "other", "din", "other", "date"), items.map { it.kind })
        assertEquals(mapOf("count" to "04", "message_type" to "000", "sequence" to "unspecified"), items[0].fields)
        assertEquals("T0479", items[1].fields["product_description_code"])
        assertEquals("processor product identification code", items[1].name)
        assertEquals(mapOf("facility" to "A9999", "year" to "17", "sequence" to "123456", "flags" to "00"), items[2].fields)
        assertEquals(mapOf("kind" to "expiration", "date" to "2019-01-31"), items[4].fields)
        assertEquals(emptyMap<String, String>(), parseScan("&;12345")[0].fields)
        assertEquals(dinOf("A999917123456", "00"), items[2].din)
        val sec = parseScan("&,4PL001499Z549917123456A00T041600320181231")[0]
        assertEquals("sec", sec.kind)
        assertEquals("2018-12-31", sec.fields["expiry"])
        val national = parseScan("&;12345")[0]
        assertNull(national.number)
        assertEquals("&;", national.identifier)
        assertTrue(parseScan("&,31234ABCDEFGHIJ12345")[0].retired)
        assertEquals(8, assertThrows<RaktException.InvalidCode> { parseScan("=,00001a") }.position)
        assertEquals(58, assertThrows<RaktException.InvalidCode> { parseScan("=+05000=/A9997XYZ100T0479=A99991712345600=,000012=>019031") }.position)
        val label = labelFromScan("=+05000=Z54991712345600=%T300=<T0416003&>0183652359&,4PL001499Z549917123456A00T041600320181231")
        assertEquals("=Z54991712345600=%T300=<T0416003&>0183652359", label.encoded)
    }

    @Test
    fun productTable() {
        val t = ProductTable.fromToml(table)
        assertEquals(listOf("E0398"), t.codes())
        val product = t.product("E0398")
        assertTrue(Modification.IRRADIATED in product.modifications)
        assertEquals("E0398", t.codeFor(product))
        assertEquals("RED BLOOD CELLS|CPD>AS5/450mL/refg|Irr|ResLeu", t.description("E0398"))
        assertThrows<RaktException.InvalidCode> { t.product("E9999") }
        val json = ProductTable.fromJson("""{"product": [{"code": "E4306", "product": {"component": "red_cells", "preservative": "cpd"}}]}""")
        assertEquals(listOf("E4306"), json.codes())
        assertThrows<RaktException.InvalidInput> { ProductTable.fromToml("[[product]]\ncode = 1") }
    }

    @Test
    fun labelRoundTripsToAUnitAndBack() {
        val t = ProductTable.fromToml(table)
        val label = labelFromScan(docLabel)
        assertEquals("A999921123456", label.din.din13)
        assertEquals("=%6200", label.bloodGroup.encoded)
        assertEquals("A0", label.product.division)
        assertEquals("007", label.collection?.structure)
        assertEquals(docLabel, label.encoded)
        val unit = labelToUnit(label, t, LabelDetails(offset = ist, volumeMl = 250), "tech-a", Policy.india())
        assertEquals("A999921123456/A0", unit.id())
        assertEquals("A+", unit.group().toString())
        assertEquals(UnitStatus.COLLECTED, unit.status())
        assertEquals(OffsetDateTime.of(2026, 12, 31, 23, 59, 0, 0, ist), unit.expiry().expiresAt)
        assertEquals(OffsetDateTime.of(2026, 12, 16, 9, 0, 0, 0, ist), unit.collectedAt())
        assertEquals(label, labelFromUnit(unit, t))
    }

    @Test
    fun labelRefusals() {
        val t = ProductTable.fromToml(table)
        val quarantine = labelFromScan("=A99992112345600=%Mq00=<E0398V00&>0263652359&*0263500900")
        val na = assertThrows<RaktException.NotApplicable> { labelToUnit(quarantine, t, LabelDetails(ist, 250), "tech") }
        assertEquals("ISBT128_LABEL_GROUP_NOT_USABLE", na.code)
        val noTime = labelFromScan("=A99992112345600=%6200=<E0398V00&>0263652359")
        val missing = assertThrows<RaktException.InvalidInput> { labelToUnit(noTime, t, LabelDetails(ist, 250), "tech") }
        assertEquals("collected_at", missing.field)
        val given = labelToUnit(
            noTime, t,
            LabelDetails(ist, 250, collectedAt = OffsetDateTime.of(2026, 12, 16, 9, 0, 0, 0, ist), donorId = "D-1"),
            "tech",
        )
        assertEquals("D-1", given.donorId())
        // A record edited in Kotlin is read again from its text.
        val edited = noTime.copy(bloodGroup = decodeBloodGroup("=%9500"))
        assertEquals("O-", labelToUnit(edited, t, LabelDetails(ist, 250, collectedAt = OffsetDateTime.of(2026, 12, 16, 9, 0, 0, 0, ist)), "tech").group().toString())
        assertEquals(33, assertThrows<RaktException.InvalidCode> { labelFromScan("=A99992112345600=%6200=<E0398V00") }.position)
    }
}
