package org.concordia.generator;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Chinese names in simplified Han characters and Hanyu Pinyin. Pinyin given names of two syllables
 * are written joined (Zhiqiang), spaced (Zhi Qiang) or hyphenated (Zhi-Qiang); family names
 * sometimes in Wade-Giles or Cantonese romanisation (Chang, Cheung, Wong), as in records from Hong
 * Kong, Taiwan or the diaspora.
 */
final class ChineseNames implements NameStyle {
    static final ChineseNames INSTANCE = new ChineseNames();

    // Han | pinyin | other romanisations
    private static final String[][] FAMILY = NameStyle.table(
            "王|Wang|Wong",
            "李|Li|Lee",
            "张|Zhang|Chang|Cheung",
            "刘|Liu|Lau",
            "陈|Chen|Chan",
            "杨|Yang|Yeung",
            "黄|Huang|Wong",
            "赵|Zhao|Chao|Chiu",
            "吴|Wu|Ng",
            "周|Zhou|Chou|Chow",
            "徐|Xu|Hsu|Tsui",
            "孙|Sun|Suen",
            "马|Ma",
            "朱|Zhu|Chu",
            "胡|Hu|Woo",
            "郭|Guo|Kuo|Kwok",
            "何|He|Ho",
            "林|Lin|Lam",
            "高|Gao|Kao|Ko",
            "罗|Luo|Lo|Law",
            "郑|Zheng|Cheng",
            "梁|Liang|Leung",
            "谢|Xie|Hsieh|Tse",
            "宋|Song|Sung",
            "唐|Tang|Tong",
            "韩|Han|Hon",
            "曹|Cao|Tsao|Cho",
            "冯|Feng|Fung");

    // Han | pinyin syllables separated by spaces
    private static final String[][] MALE = NameStyle.table(
            "伟|Wei",
            "志强|Zhi Qiang",
            "军|Jun",
            "洋|Yang",
            "勇|Yong",
            "杰|Jie",
            "涛|Tao",
            "明|Ming",
            "超|Chao",
            "刚|Gang",
            "建华|Jian Hua",
            "建国|Jian Guo",
            "晓明|Xiao Ming",
            "子轩|Zi Xuan",
            "浩然|Hao Ran",
            "俊杰|Jun Jie",
            "磊|Lei",
            "强|Qiang",
            "斌|Bin",
            "文|Wen",
            "平|Ping");

    private static final String[][] FEMALE = NameStyle.table(
            "秀英|Xiu Ying",
            "丽|Li",
            "静|Jing",
            "敏|Min",
            "艳|Yan",
            "娟|Juan",
            "秀兰|Xiu Lan",
            "霞|Xia",
            "桂英|Gui Ying",
            "海燕|Hai Yan",
            "欣怡|Xin Yi",
            "芳|Fang",
            "娜|Na",
            "丹|Dan",
            "雪|Xue");

    private ChineseNames() {}

    @Override
    public int givenCount(char sex) {
        return sex == 'F' ? FEMALE.length : MALE.length;
    }

    @Override
    public int familyCount() {
        return FAMILY.length;
    }

    @Override
    public int middle(char sex, SplittableRandom rng) {
        return -1;
    }

    @Override
    public boolean middleIsFathersName() {
        return false;
    }

    @Override
    public Spelling spell(Person p, boolean original, SplittableRandom rng) {
        String[] given = p.sex() == 'F' ? FEMALE[p.given()] : MALE[p.given()];
        String[] family = FAMILY[p.family()];
        if (original) {
            return new Spelling(given[0], null, family[0], "Hani", true, true);
        }
        String f = family.length > 2 && Dice.chance(rng, 0.12) ? family[2 + rng.nextInt(family.length - 2)] : family[1];
        return new Spelling(pinyinGiven(given[1], rng), null, f, "Latn", true, false);
    }

    private static String pinyinGiven(String syllables, SplittableRandom rng) {
        int space = syllables.indexOf(' ');
        if (space < 0) {
            return syllables;
        }
        String first = syllables.substring(0, space);
        String second = syllables.substring(space + 1);
        double r = rng.nextDouble();
        if (r < 0.55) {
            return first + second.toLowerCase(Locale.ROOT);
        } else if (r < 0.80) {
            return syllables;
        } else if (r < 0.90) {
            return first + "-" + second;
        }
        return first + "-" + second.toLowerCase(Locale.ROOT);
    }
}
