package org.concordia.generator;

import java.text.Normalizer;
import java.util.SplittableRandom;

/**
 * Names written in Latin letters with diacritics: European names (German, Polish, Nordic, French,
 * Italian, Czech, Hungarian, Dutch, Turkish, Irish) and Spanish or Portuguese names of several parts
 * with particles (de, da, dos) and two family names. Records that cannot keep the diacritics fold
 * them away (Müller → Muller) or transcribe them the German way (Müller → Mueller, Ødegaard →
 * Oedegaard).
 */
final class LatinNames implements NameStyle {
    // Per language: male given names, female given names, family names (masculine/feminine where
    // they differ, as in Polish and Czech), separated by commas. One pool per language, so that a
    // person's given and family names belong together.
    static final LatinNames GERMAN = new LatinNames(
            "Jürgen, Jörg, Günter, Stefan, Thomas, Michael, Andreas",
            "Sabine, Jutta, Bärbel, Susanne, Käthe",
            "Müller, Schröder, Weiß, Schäfer, Köhler, Fischer, Schmidt, Becker, Wagner, Groß",
            false);

    static final LatinNames POLISH = new LatinNames(
            "Łukasz, Paweł, Michał, Wojciech, Krzysztof, Piotr",
            "Małgorzata, Agnieszka, Katarzyna, Zofia",
            "Nowak, Kowalski/Kowalska, Wiśniewski/Wiśniewska, Wójcik, Lewandowski/Lewandowska, "
                    + "Zieliński/Zielińska, Dąbrowski/Dąbrowska, Wróbel",
            false);

    static final LatinNames NORDIC = new LatinNames(
            "Bjørn, Søren, Lars, Anders",
            "Åsa, Ingrid, Sofie, Kirsten",
            "Ødegaard, Sørensen, Jørgensen, Hansen, Johansson, Lindström, Bjørnstad",
            false);

    static final LatinNames FRENCH = new LatinNames(
            "François, Jérôme, Frédéric, Noël",
            "Hélène, Amélie, Céline, Zoé, Françoise",
            "Lefèvre, Dupont, Girard, Bernard, Lemaître, Faure",
            false);

    static final LatinNames ITALIAN = new LatinNames(
            "Giuseppe, Marco, Niccolò, Alessandro, Luca",
            "Giulia, Francesca, Chiara",
            "Rossi, Russo, Esposito, De Luca, Ferrari, Bianchi, Romano",
            false);

    static final LatinNames CZECH = new LatinNames(
            "Jiří, Tomáš, Petr",
            "Jana, Lucie, Tereza",
            "Novák/Nováková, Dvořák/Dvořáková, Černý/Černá, Svoboda/Svobodová, Procházka/Procházková",
            false);

    static final LatinNames HUNGARIAN = new LatinNames(
            "László, Zoltán, István", "Zsófia, Erzsébet, Katalin", "Nagy, Kovács, Horváth, Szabó, Tóth", false);

    static final LatinNames DUTCH =
            new LatinNames("Jan, Pieter", "Anneke, Sanne", "de Vries, van den Berg, Jansen, de Jong", false);

    static final LatinNames TURKISH =
            new LatinNames("Mehmet, Ömer, Mustafa", "Ayşe, Elif", "Yılmaz, Öztürk, Şahin, Çelik", false);

    static final LatinNames IRISH =
            new LatinNames("Seán, Pádraig", "Sinéad, Siobhán", "O'Brien, Murphy, Kelly, O'Connor", false);

    static final LatinNames SPANISH = new LatinNames(
            "José, Juan Carlos, José Luis, Jesús, Javier, Alejandro, Sebastián, Andrés",
            "María, María José, Ana María, Sofía, Lucía, Ximena, Guadalupe, Beatriz",
            "García, López, Fernández, Rodríguez, González, Martínez, Sánchez, Pérez, Hernández, Ramírez, "
                    + "de la Cruz, de los Ríos",
            true);

    static final LatinNames PORTUGUESE = new LatinNames(
            "João, João Pedro, Luís, Gonçalo, Antônio",
            "Inês, Maria da Conceição, Ana Luísa, Beatriz",
            "da Silva, dos Santos, de Souza, Pereira, Ferreira, Oliveira, Gonçalves, Costa, Almeida, Carvalho",
            true);

    private final String[] male;
    private final String[] female;
    private final String[][] family;
    private final boolean doubleSurnames;

    private LatinNames(String male, String female, String family, boolean doubleSurnames) {
        this.male = male.split(", ");
        this.female = female.split(", ");
        String[] families = family.split(", ");
        this.family = new String[families.length][];
        for (int i = 0; i < families.length; i++) {
            this.family[i] = families[i].split("/");
        }
        this.doubleSurnames = doubleSurnames;
    }

    @Override
    public int givenCount(char sex) {
        return sex == 'F' ? female.length : male.length;
    }

    @Override
    public int familyCount() {
        return family.length;
    }

    @Override
    public int middle(char sex, SplittableRandom rng) {
        // Iberian compound given names (José Luis) are data; others sometimes have a second given name
        return !doubleSurnames && Dice.chance(rng, 0.25) ? rng.nextInt(givenCount(sex)) : -1;
    }

    @Override
    public boolean middleIsFathersName() {
        return false;
    }

    @Override
    public int secondFamily(int first, SplittableRandom rng) {
        if (!doubleSurnames || !Dice.chance(rng, 0.8)) {
            return -1;
        }
        int second = rng.nextInt(family.length - 1);
        return second >= first ? second + 1 : second;
    }

    @Override
    public Spelling spell(Person p, boolean original, SplittableRandom rng) {
        boolean female = p.sex() == 'F';
        String[] pool = female ? this.female : male;
        String given = pool[p.given()];
        int space = given.indexOf(' ');
        if (space > 0 && Dice.chance(rng, 0.15)) {
            given = given.substring(0, space); // José Luis recorded as José
        }
        String middle = p.middle() >= 0 && Dice.chance(rng, 0.6) ? pool[p.middle()] : null;
        String fam = surname(p.family(), female, rng);
        if (p.family2() >= 0) {
            double r = rng.nextDouble();
            if (r < 0.65) {
                fam = fam + " " + surname(p.family2(), female, rng);
            } else if (r < 0.72) {
                fam = fam + "-" + surname(p.family2(), female, rng);
            } // else the second (maternal) surname is left out
        }
        if (!original) {
            boolean german = !doubleSurnames && Dice.chance(rng, 0.35);
            given = fold(given, german);
            middle = middle == null ? null : fold(middle, german);
            fam = fold(fam, german);
            if (fam.indexOf('\'') >= 0 && Dice.chance(rng, 0.4)) {
                fam = fam.replace("'", "");
            }
        }
        return new Spelling(given, middle, fam, "Latn", false, false);
    }

    private String surname(int index, boolean female, SplittableRandom rng) {
        String[] row = family[index];
        String s = female && row.length > 1 ? row[1] : row[0];
        // particles are often dropped or moved: da Silva filed as Silva
        int lastSpace = s.lastIndexOf(' ');
        if (lastSpace > 0 && Character.isLowerCase(s.charAt(0)) && Dice.chance(rng, 0.12)) {
            return s.substring(lastSpace + 1);
        }
        return s;
    }

    /**
     * The name in ASCII letters: diacritics removed, letters without a decomposition mapped (Ł → L,
     * ø → o, ß → ss, ı → i); with {@code german}, umlauts and Nordic letters transcribed (ü → ue,
     * ø → oe, å → aa) as German and Scandinavian machine-readable zones do (ICAO Doc 9303 Part 3).
     */
    static String fold(String name, boolean german) {
        StringBuilder sb = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String t = german ? transcription(c) : null;
            if (t == null) {
                t = special(c);
            }
            if (t != null) {
                sb.append(t);
            } else {
                sb.append(c);
            }
        }
        String decomposed = Normalizer.normalize(sb, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String transcription(char c) {
        return switch (c) {
            case 'ä', 'æ' -> "ae";
            case 'ö', 'ø' -> "oe";
            case 'ü' -> "ue";
            case 'å' -> "aa";
            case 'Ä', 'Æ' -> "Ae";
            case 'Ö', 'Ø' -> "Oe";
            case 'Ü' -> "Ue";
            case 'Å' -> "Aa";
            default -> null;
        };
    }

    private static String special(char c) {
        return switch (c) {
            case 'ł' -> "l";
            case 'Ł' -> "L";
            case 'ø' -> "o";
            case 'Ø' -> "O";
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'Æ' -> "AE";
            case 'ı' -> "i";
            case 'đ' -> "d";
            case 'Đ' -> "D";
            default -> null;
        };
    }
}
