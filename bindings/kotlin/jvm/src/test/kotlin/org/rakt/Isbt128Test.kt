package org.rakt

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

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
}
