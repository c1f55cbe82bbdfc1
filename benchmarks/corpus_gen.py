"""Invented corpora in the style of the sample pages, for benchmarks at scale.

`generate(out_dir, pages, seed)` writes deterministic pages of fictional Liaocheng
local news; `python -m benchmarks.corpus_gen OUT --pages N` does the same from a shell.

The layout part is shared with the bundled sample pages: lines are hard-wrapped
at a column width (inside words, with CJK line-start rules), column breaks become
blank lines that may fall inside a sentence, and each headline comes after its
article body, the way pdfminer orders the blocks of the Liaocheng daily.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# Punctuation that Chinese typesetting never puts at the start of a line.
NO_LINE_START = set("，。、；：？！）》」』”’…%．,.;:?!)")
# ... and never at the end of one.
NO_LINE_END = set("“‘（《「『")


@dataclass
class Item:
    """One block of a page: a news story, a feature, a photo or a notice."""

    kind: str  # "news" | "feature" | "photo" | "notice"
    paragraphs: list[str]
    headline: list[str] = field(default_factory=list)  # printed lines, after the body
    credit: str = ""  # "■ 本报记者 X": before a feature, after a photo caption
    signature: list[str] = field(default_factory=list)  # notice: issuer, date


def char_width(ch: str) -> int:
    """Half-width units: ASCII is 1, CJK and full-width punctuation 2."""
    return 1 if ord(ch) < 0x1100 else 2


def _tokens(text: str) -> list[str]:
    """Characters, except that runs of ASCII letters/digits stay whole."""
    out: list[str] = []
    for ch in text:
        if ch.isascii() and (ch.isalnum() or ch == ".") and out and out[-1][-1:].isascii() \
                and (out[-1][-1].isalnum() or out[-1][-1] == "."):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def wrap(text: str, width: int) -> list[str]:
    """Greedy hard wrap at `width` half-width units (a column of width/2 CJK chars)."""
    lines: list[str] = []
    line, used = "", 0
    for tok in _tokens(text):
        w = sum(char_width(c) for c in tok)
        if used + w > width and line and tok not in NO_LINE_START:
            carry = ""
            while line and line[-1] in NO_LINE_END and len(line) > 1:
                carry, line = line[-1] + carry, line[:-1]
            lines.append(line.rstrip())
            line, used = carry, sum(char_width(c) for c in carry)
        if not line and tok == " ":
            continue  # a space never starts a printed line
        line += tok
        used += w
    if line.strip():
        lines.append(line.rstrip())
    return lines


class Column:
    """Accumulates wrapped lines and inserts a blank line at each column break."""

    def __init__(self, rng: random.Random, width: int, height: int):
        self.rng, self.width, self.height = rng, width, height
        self.lines: list[str] = []
        self._in_column = rng.randint(0, max(1, height // 2))

    def paragraph(self, text: str) -> None:
        for line in wrap(text, self.width):
            if self._in_column >= self.height:
                if self.lines and self.lines[-1] != "":
                    self.lines.append("")
                self._in_column = 0
            self.lines.append(line)
            self._in_column += 1
        self.lines.append("")
        self._in_column += 1


def render_item(item: Item, rng: random.Random, width: int | None = None,
                height: int | None = None) -> list[str]:
    """The lines of one item in extraction order."""
    col = Column(rng, width or rng.randint(24, 32), height or rng.randint(9, 18))
    out: list[str] = []
    if item.kind == "feature" and item.credit:
        out += [item.credit, ""]
    for para in item.paragraphs:
        col.paragraph(para)
    out += col.lines
    if item.kind == "notice":
        out += item.signature + [""]
    if item.kind == "photo" and item.credit:
        out += [item.credit, ""]
    if item.headline:
        out += item.headline + [""]
    return out


def render_page(items: list[Item], rng: random.Random) -> str:
    """A whole page: items one after another, starting with an empty line like pdfminer."""
    lines = [""]
    for item in items:
        lines += render_item(item, rng)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# Vocabulary for invented pages. Counties, districts and towns are real place
# names of Liaocheng (the setting); companies, people and programs are made up
# by combining parts, so a large corpus has many distinct names.

COUNTIES: dict[str, tuple[str, list[str]]] = {
    # name: (deixis, towns and streets)
    "东昌府区": ("该区", ["古楼街道", "柳园街道", "新区街道", "湖西街道", "道口铺街道", "闫寺街道",
                       "郑家镇", "堂邑镇", "梁水镇镇", "斗虎屯镇", "侯营镇", "沙镇镇", "张炉集镇"]),
    "茌平区": ("该区", ["振兴街道", "信发街道", "温陈街道", "乐平铺镇", "冯官屯镇", "菜屯镇", "博平镇",
                     "杜郎口镇", "韩屯镇", "胡屯镇", "肖家庄镇", "贾寨镇", "洪官屯镇"]),
    "临清市": ("该市", ["青年路街道", "新华路街道", "先锋路街道", "大辛庄街道", "松林镇", "老赵庄镇",
                     "康庄镇", "魏湾镇", "刘垓子镇", "八岔路镇", "潘庄镇", "烟店镇", "唐园镇", "金郝庄镇"]),
    "冠县": ("该县", ["清泉街道", "崇文街道", "烟庄街道", "贾镇", "桑阿镇", "柳林镇", "清水镇",
                   "东古城镇", "北馆陶镇", "店子镇", "定远寨镇", "辛集镇", "梁堂镇", "范寨镇"]),
    "莘县": ("该县", ["燕塔街道", "莘州街道", "莘亭街道", "东鲁街道", "朝城镇", "观城镇", "古城镇",
                   "大张家镇", "古云镇", "十八里铺镇", "燕店镇", "董杜庄镇", "王奉镇", "樱桃园镇"]),
    "阳谷县": ("该县", ["侨润街道", "博济桥街道", "狮子楼街道", "阎楼镇", "阿城镇", "七级镇", "安乐镇",
                     "定水镇", "石佛镇", "李台镇", "寿张镇", "张秋镇", "郭屯镇", "西湖镇"]),
    "东阿县": ("该县", ["铜城街道", "新城街道", "刘集镇", "牛角店镇", "大桥镇", "高集镇", "姜楼镇",
                     "姚寨镇", "鱼山镇", "陈集镇"]),
    "高唐县": ("该县", ["鱼邱湖街道", "汇鑫街道", "人和街道", "梁村镇", "尹集镇", "清平镇", "固河镇",
                     "三十里铺镇", "琉璃寺镇", "赵寨子镇", "姜店镇", "杨屯镇"]),
    "聊城高新区": ("该区", ["许营镇", "顾官屯镇", "韩集乡", "九州街道"]),
    "聊城经济技术开发区": ("该区", ["蒋官屯街道", "北城街道", "广平乡"]),
}
COUNTY_LEADER = {"区": ("区委常委、副区长", "区委"), "市": ("市委常委、副市长", "市委"),
                 "县": ("县委常委、副县长", "县委")}

SURNAMES = list("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋"
                "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯"
                "史陶贺顾毛郝龚邵万钱严武戴孔汤")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰海鹏飞宇晨浩然子涵雪梅"
             "春燕立新振宇云广庆长福晓彤思远文博佳宁雅琪洪彬雨桐凡韬璐瑶欣怡俊峰兴旺德宝")
ROOTS = list("泓岳鑫润瑞驰昱鼎泰凯博普康恒信达丰源宏盛锦正远嘉利祥兴隆晟翔通安诚益华创升禾"
             "沃隆旭澜耀晖弘铭颐泽禹骏")
INDUSTRIES = [("精工科技", "精工"), ("新材料科技", "新材"), ("轴承制造", "轴承"), ("生物医药", "生物"),
              ("智能装备", "装备"), ("农业科技", "农业"), ("食品", "食品"), ("化工", "化工"),
              ("纺织", "纺织"), ("汽车部件", "汽车"), ("电子科技", "电子"), ("机械制造", "机械"),
              ("建材", "建材"), ("新能源科技", "新能源"), ("环保科技", "环保"), ("铝业", "铝业"),
              ("钢管", "钢管"), ("线缆", "线缆"), ("冷链物流", "物流"), ("数控机床", "数控")]
FORMS = ["有限公司", "有限公司", "股份有限公司", "集团有限公司"]
PRODUCTS = ["高精度数控转台", "风电主轴轴承", "电池铝箔", "生物酶制剂", "超高压电缆", "冷链仓储设备",
            "节能环保锅炉", "轻量化铝合金部件", "无缝钢管", "功能性纤维面料", "速冻调理食品", "智能灌溉系统"]
HONORS = ["省级专精特新中小企业", "国家级专精特新“小巨人”企业", "瞪羚企业", "省级技术创新示范企业",
          "山东省“一企一技术”研发中心", "省级企业技术中心", "山东省制造业单项冠军企业",
          "省级智能工厂", "山东省高端品牌培育企业", "聊城市两化融合示范企业", "“好品山东”品牌"]
ISSUERS = ["省工业和信息化厅", "省科技厅", "工业和信息化部", "市工信局", "省市场监管局"]
TOPICS = ["优质中小企业梯度培育", "制造业数字化转型", "科技型企业培育", "特色产业集群发展",
          "企业技术改造", "乡村产业振兴", "外贸稳规模提质量", "新材料产业高质量发展", "品牌建设"]
DOCS = ["实施方案", "管理办法", "三年行动计划", "若干措施", "实施意见", "奖励办法"]
SLOGANS = ["企业上云用数赋智", "链主培育", "项目深化年", "服务企业专员", "百企千才", "亩产效益提升",
           "暖企惠企", "技改扩能", "助企纾困", "乡村振兴示范"]
BUREAUS = [("市工信局", "党组书记、局长"), ("市发改委", "党组书记、主任"), ("市科技局", "党组成员、副局长"),
           ("市商务局", "局长"), ("市农业农村局", "党组书记、局长"), ("市住建局", "副局长"),
           ("市市场监管局", "党组书记、局长"), ("市残联", "党组书记、理事长"), ("市人社局", "副局长")]
VILLAGE_HEADS = "前后东西南北大小"
VILLAGE_TAILS = ["庄", "屯", "营", "楼", "寨", "集", "店", "家"]


class Names:
    """Random but reproducible names drawn from the vocabulary."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def person(self) -> str:
        r = self.rng
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2, 2))))

    def place(self) -> tuple[str, str, str]:
        county = self.rng.choice(list(COUNTIES))
        return county, COUNTIES[county][0], self.rng.choice(COUNTIES[county][1])

    def village(self) -> str:
        r = self.rng
        head = r.choice(VILLAGE_HEADS) if r.random() < 0.4 else ""
        return head + r.choice(SURNAMES) + r.choice(VILLAGE_TAILS) + "村"

    def company(self) -> tuple[str, str]:
        r = self.rng
        root = "".join(r.sample(ROOTS, 2))
        industry, short = r.choice(INDUSTRIES)
        prefix = r.choice(["山东", "山东", "山东", "聊城"])
        return f"{prefix}{root}{industry}{r.choice(FORMS)}", root + short

    def program(self) -> str:
        r = self.rng
        kind = r.random()
        if kind < 0.4:
            return f"《聊城市{r.choice(TOPICS)}{r.choice(DOCS)}》"
        if kind < 0.7:
            return f"“{r.choice(SLOGANS)}”行动"
        return f"{r.choice(TOPICS)}{r.choice(['计划', '工程'])}"

    def number(self, lo: int, hi: int) -> str:
        n = str(self.rng.randint(lo, hi))
        return f" {n} " if self.rng.random() < 0.08 else n  # pdfminer's stray spaces


def _date(n: Names, year: int) -> str:
    return f"{n.rng.randint(1, 12)}月{n.rng.randint(1, 28)}日"


def _official(n: Names, county: str | None = None) -> str:
    if county and n.rng.random() < 0.5:
        title, _ = COUNTY_LEADER.get(county[-1], COUNTY_LEADER["区"])
        return f"{county}{title}{n.person()}"
    bureau, title = n.rng.choice(BUREAUS)
    return f"{bureau}{title}{n.person()}"


def _byline(n: Names) -> str:
    """本报讯 and its credits, in the spacings PDF extraction produces."""
    r = n.rng.random()
    if r < 0.5:
        return f"本报讯（记者 {n.person()} 通讯员 {n.person()}）"
    if r < 0.75:
        return f"本报讯 （记者 {n.person()}） "
    return f"本报讯（{n.person()} {n.person()}）"


def village_news(n: Names, year: int) -> Item:
    county, deixis, town = n.place()
    village = n.village()
    coop = f"{county}{''.join(n.rng.sample(ROOTS, 2))}{n.rng.choice(['果蔬种植', '农机', '粮食种植', '畜牧养殖'])}专业合作社"
    paras = [
        f"{_byline(n)}{_date(n, year)}，在位于{county}{town}{village}的{coop}，"
        f"社员们正忙着{n.rng.choice(['分拣蔬菜', '检修农机', '晾晒玉米', '装车发货'])}。",
        f"{village}党支部书记{n.person()}介绍，合作社流转土地{n.number(200, 3000)}亩，"
        f"带动{n.number(50, 600)}户村民增收，去年被评为{n.rng.choice(['山东省农民合作社示范社', '山东省乡村振兴示范村', '省级美丽乡村示范村'])}。",
        f"近年来，{deixis}实施{n.program()}，全{county[-1]}已培育特色产业村{n.number(5, 60)}个。",
    ]
    return Item("news", paras, headline=[f"{county}{village}：{n.rng.choice(['合作社带富一方', '特色产业鼓起钱袋子', '小村庄奏响振兴曲'])}"])


def honor_news(n: Names, year: int) -> Item:
    county, deixis, town = n.place()
    company, short = n.company()
    honor, issuer = n.rng.choice(HONORS), n.rng.choice(ISSUERS)
    count = n.number(3, 60)
    paras = [
        f"{_byline(n)}{_date(n, year)}，记者从市工信局获悉，"
        f"{issuer}近日公布{year}年{n.rng.choice(['第一批', '第二批', '度'])}{honor}名单，我市{count}家企业入选。"
        f"位于{county}{town}的{company}名列其中。",
        f"{short}主要生产{n.rng.choice(PRODUCTS)}，去年实现营业收入{n.number(1, 40)}.{n.rng.randint(1, 9)}亿元，"
        f"研发投入占比超过{n.rng.randint(3, 9)}%。截至目前，全市累计培育{honor}{n.number(10, 300)}家。",
        f"“{n.rng.choice(['培育优质企业是稳住工业基本盘的关键', '企业创新能力决定产业竞争力', '好企业是干出来的'])}。”"
        f"{_official(n)}表示，下一步将深入实施{n.program()}，推动更多企业加快成长。",
    ]
    return Item("news", paras, headline=[f"我市{count.strip()}家企业入选{honor}"])


def feature(n: Names, year: int) -> Item:
    county, deixis, town = n.place()
    company, short = n.company()
    village = n.village()
    honor, program = n.rng.choice(HONORS), n.program()
    paras = [
        f"走进位于{county}{town}的{company}生产车间，一台台设备正在满负荷运转。"
        f"“订单已经排到了{n.rng.randint(2, 12)}月份。”公司{n.rng.choice(['总经理', '董事长', '技术总监'])}{n.person()}介绍。",
        f"{year}年，{short}被认定为{honor}。这是{county}以创新驱动产业升级的一个缩影。",
        f"近年来，{deixis}实施{program}，设立产业引导基金{n.number(2, 30)}亿元，"
        f"全{county[-1]}规模以上工业企业营业收入同比增长{n.rng.randint(5, 25)}.{n.rng.randint(0, 9)}%。",
        f"在{county}{town}{village}，村党支部书记{n.person()}带领群众发展特色种植，"
        f"去年村集体收入突破{n.number(20, 200)}万元。",
        f"“我们将持续优化营商环境，让企业安心发展。”{_official(n, county)}说。",
    ]
    a, b = n.rng.sample(["链条再延伸", "动能更强劲", "创新添活力", "产业向高端", "集群显优势", "发展提质效"], 2)
    return Item("feature", paras, credit=f"■ 本报记者 {n.person()}",
                headline=[f"{a} {b}", f"——{county}{n.rng.choice(['推动制造业高质量发展', '做强特色产业', '培育优质企业'])}"])


def photo(n: Names, year: int) -> Item:
    county, _, town = n.place()
    paras = [f"{_date(n, year)}，在{county}{town}{n.village()}，"
             f"{n.rng.choice(['农技人员正在指导村民管理大棚蔬菜', '村民正在栽植树苗', '工人正在检修输电线路', '志愿者正在为老人义诊'])}。"
             f"连日来，我市各地{n.rng.choice(['抢抓农时', '扎实开展志愿服务', '加快项目建设'])}。"]
    return Item("photo", paras, credit=f"■ 本报{n.rng.choice(['记者', '通讯员'])} {n.person()}")


def notice(n: Names, year: int) -> Item:
    honor = n.rng.choice(HONORS)
    program = n.program()
    month = n.rng.randint(1, 10)
    issuer = n.rng.choice(["聊城市工业和信息化局", "聊城市科学技术局", "聊城市市场监督管理局", "聊城市商务局"])
    paras = [
        "各县（市、区）有关部门，市属开发区经济发展部门：",
        f"为贯彻落实{program}，经研究，决定开展{year}年度{honor}推荐工作。现将有关事项通知如下：",
        f"一、申报企业应为在我市依法注册、具有独立法人资格的企业，上年度营业收入不低于{n.number(1, 5)}千万元。",
        f"二、申报时间为{year}年{month}月1日至{month + 1}月{n.rng.randint(10, 28)}日，逾期不予受理。",
        f"联系人：{n.person()}",
    ]
    return Item("notice", paras, signature=[issuer, f"{year}年{month}月{n.rng.randint(1, 28)}日"],
                headline=[f"关于开展{year}年度{honor}", "推荐工作的通知"])


TEMPLATES = [honor_news, honor_news, village_news, feature, photo, notice]


def page_text(rng: random.Random, year: int) -> str:
    """One page: 3 to 6 items, the body of each before its headline."""
    n = Names(rng)
    items = [feature(n, year)] + [rng.choice(TEMPLATES)(n, year) for _ in range(rng.randint(2, 5))]
    rng.shuffle(items)
    return render_page(items, rng)


def generate(out_dir, pages: int, seed: int = 0) -> list[Path]:
    """Write `pages` invented pages to out_dir and return their paths (same seed, same files)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(pages):
        year = 2019 + (i // 2000) % 6
        day = i // 8
        path = out / f"liaocheng-daily_{year}-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}_p{i % 8 + 1:02d}_{i:06d}.txt"
        path.write_text(page_text(rng, year), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus_gen",
                                     description="Generate an invented corpus in the style of the sample pages.")
    parser.add_argument("out", help="output directory")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    paths = generate(args.out, args.pages, args.seed)
    chars = sum(p.stat().st_size for p in paths) // 3
    print(f"{len(paths)} pages, ~{chars} characters in {time.perf_counter() - start:.2f} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
