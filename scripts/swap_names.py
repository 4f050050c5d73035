#!/usr/bin/env python3
"""Swap every annotated person's name for a made-up one, in text and gold.

A robustness check for extraction: rules should find people by grammar
(titles, cue words, name shapes), not because the segmenter's dictionary
happens to know a name. This writes a copy of a scored set in which each
gold person name of two or three characters (and its alternatives) is
replaced, wherever it stands in the article, by a random name of the same
length (a common surname and common given-name characters), then the set
can be scored as usual:

    python3 scripts/swap_names.py --bin target/release/cadre-kg --corpus corpus \\
        --gold ../shared/eval/gold/seeds --gold ../shared/eval/gold/dev --out /tmp/swapped --seed 1
    python3 ../shared/eval/score.py --bin target/release/cadre-kg \\
        --corpus /tmp/swapped/corpus --gold /tmp/swapped/gold

The text written is the article as normalised by cadre-kg (`extract
--json` sentences at their offsets), so traditional, pinyin-annotated and
GBK articles are swapped the same way as simplified ones.
"""
import argparse
import glob
import json
import os
import random
import re
import subprocess

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国峰琳晶雪梅宇浩凯俊佳欣莉婷健波斌宁龙海亮飞云燕鑫淑珍凤慧颖玲晓东志文振祥福荣"


def normalised_text(binary, path):
    """The article as cadre-kg normalised it, lines kept apart."""
    out = subprocess.run([binary, "extract", path, "--json"], capture_output=True, text=True, check=True)
    text = ""
    for sentence in json.loads(out.stdout)["sentences"]:
        start = sentence["span"]["normalised"]["start"]
        text += "\n" * (start - len(text)) + sentence["text"]
    return text + "\n"


def new_names(names, text, rnd):
    """A made-up name of the same length for each name, none in the text."""
    mapping = {}
    for name in sorted(names, key=lambda n: (-len(n), n)):
        for _ in range(100):
            new = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(len(name) - 1))
            if new not in text and new not in mapping.values():
                break
        mapping[name] = new
    return mapping


def swap(value, pattern, mapping):
    if isinstance(value, str):
        return pattern.sub(lambda m: mapping[m.group(0)], value)
    if isinstance(value, list):
        return [swap(v, pattern, mapping) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "doc" else swap(v, pattern, mapping) for k, v in value.items()}
    return value


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--gold", required=True, action="append")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "corpus"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "gold"), exist_ok=True)
    for gold_dir in args.gold:
        for gold_file in sorted(glob.glob(os.path.join(gold_dir, "*.json"))):
            gold = json.load(open(gold_file, encoding="utf-8"))
            article = os.path.join(args.corpus, gold["doc"])
            if not os.path.exists(article):
                continue
            text = normalised_text(args.bin, article)
            names = {n for p in gold["persons"] for n in [p["name"]] + p.get("alt", [])
                     if re.fullmatch(r"[\u4e00-\u9fff]{2,3}", n)}
            mapping = new_names(names, text, rnd)
            if mapping:
                pattern = re.compile("|".join(map(re.escape, sorted(mapping, key=len, reverse=True))))
                text = swap(text, pattern, mapping)
                gold = swap(gold, pattern, mapping)
            with open(os.path.join(args.out, "corpus", gold["doc"]), "w", encoding="utf-8") as f:
                f.write(text)
            with open(os.path.join(args.out, "gold", os.path.basename(gold_file)), "w", encoding="utf-8") as f:
                json.dump(gold, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
