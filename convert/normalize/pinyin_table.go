package normalize

import "strings"

// syllables is the table of Mandarin pinyin syllables (Hanyu Pinyin, ü
// written ü), without tones: about 410 syllables plus the interjections
// m, n, ng, hm, hng.
const syllables = `
a ai an ang ao e ei en eng er o ou
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
fa fan fang fei fen feng fo fou fu
da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo nü nüe
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lü lüe
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
sa sai san sang sao se sen seng si song sou su suan sui sun suo
ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
wa wai wan wang wei wen weng wo wu
m n ng hm hng
`

var syllableSet = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(syllables) {
		m[s] = true
	}
	return m
}()

// toneMarks maps a vowel with a tone mark to the bare vowel.
var toneMarks = map[rune]rune{
	'ā': 'a', 'á': 'a', 'ǎ': 'a', 'à': 'a',
	'ē': 'e', 'é': 'e', 'ě': 'e', 'è': 'e',
	'ī': 'i', 'í': 'i', 'ǐ': 'i', 'ì': 'i',
	'ō': 'o', 'ó': 'o', 'ǒ': 'o', 'ò': 'o',
	'ū': 'u', 'ú': 'u', 'ǔ': 'u', 'ù': 'u',
	'ǖ': 'ü', 'ǘ': 'ü', 'ǚ': 'ü', 'ǜ': 'ü',
	'ń': 'n', 'ň': 'n', 'ǹ': 'n', 'ḿ': 'm',
}

// syllableTone classifies s as a pinyin syllable: ok reports whether it is
// one; toned whether it carries a tone (one tone mark, or a tone number
// 1–5 at the end). Only lower case is accepted; "v" stands for "ü" in
// tone-number spelling (lv4).
func syllableTone(s string) (ok, toned bool) {
	if s == "" || len(s) > 12 {
		return false, false
	}
	var b strings.Builder
	marks := 0
	digit := false
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r == 'ü':
			if digit {
				return false, false
			}
			b.WriteRune(r)
		case r >= '1' && r <= '5':
			if digit || i == 0 || i != len(s)-1 {
				return false, false
			}
			digit = true
		default:
			base, isMark := toneMarks[r]
			if !isMark || digit {
				return false, false
			}
			marks++
			b.WriteRune(base)
		}
	}
	if marks > 1 || marks == 1 && digit {
		return false, false
	}
	base := b.String()
	if strings.ContainsRune(base, 'v') {
		if marks > 0 {
			return false, false
		}
		base = strings.ReplaceAll(base, "v", "ü")
	}
	if !syllableSet[base] {
		return false, false
	}
	return true, marks == 1 || digit
}
