"""Bodies the world's news names by their name alone: outlets, journals, universities, leagues, firms.

Vietnamese news cites them without a head ("theo CNBC", "đăng trên The Lancet", "khi còn học ở
Harvard", "tay vợt số một WTA"), so no rule of a head or a noun finds them. Only names that are
no Vietnamese word and no place are listed ("Oxford", "Cambridge" and "Emirates" are places too
and are left to their heads: "Đại học Oxford").
"""

from __future__ import annotations

from flows.steps.extract.titles import _split

WORLD_OUTLETS = _split(
    """CNBC|ABC News|NBC|NBC News|CBS|CBS News|MSNBC|NPR|PBS|Sky News|Sky Sports|ESPN|The Economist|
    Economist|Financial Times|Wall Street Journal|WSJ|USA Today|Los Angeles Times|The Times|The Telegraph|
    Daily Mail|The Independent|Politico|Axios|Newsweek|Business Insider|The Verge|TechCrunch|Engadget|CNET|
    Nikkei|Nikkei Asia|Asahi|Asahi Shimbun|Yomiuri|Yomiuri Shimbun|Mainichi|NHK|South China Morning Post|
    SCMP|Global Times|Thời báo Hoàn cầu|Hoàn cầu Thời báo|CCTV|CGTN|Le Monde|Le Figaro|France 24|
    France 3|RFI|Der Spiegel|Deutsche Welle|ANSA|EFE|Marca|L'Equipe|The Athletic|Straits Times|
    The Straits Times|Channel NewsAsia|Bangkok Post|Jakarta Post|Korea Herald|Korea Times|Asia One|
    AsiaOne|Al Arabiya|Interfax|Ukrainska Pravda|Kyiv Independent|Kyiv Post|Times of Israel|Haaretz|
    Daily Telegraph|The Guardian|New York Post|Fox Business|Euronews|Variety|Billboard|Rolling Stone"""
)
WORLD_JOURNALS = _split(
    """Nature|Science|The Lancet|Lancet|New England Journal of Medicine|JAMA|BMJ|PLOS One|
    Psychological Science|Nature Medicine|Nature Communications|Scientific American|New Scientist"""
)
WORLD_SCHOOLS_AND_LEAGUES = _split(
    """Harvard|Yale|Stanford|MIT|Princeton|Caltech|WTA|ATP|NBA|NFL|MLB|FIBA|FIVB|VPF|ITF|WADA|CAS"""
)
WORLD_FIRMS = _split(
    """Flightradar24|Alibaba|Tencent|Baidu|ByteDance|Uber|Airbnb|Pfizer|Moderna|AstraZeneca|
    Johnson & Johnson|Sinopharm|Sinovac|Foxconn|TSMC|Panasonic|Nissan|Mitsubishi|Volkswagen|
    Lockheed Martin|Raytheon|Gazprom|Rosneft|Aeroflot|Singapore Airlines|Qatar Airways|Korean Air|
    Cathay Pacific|Japan Airlines|Coca-Cola|PepsiCo|Nestlé|Unilever|McDonald's|Starbucks|Walmart|
    IKEA|Mastercard|PayPal|Binance|Coinbase|Goldman Sachs|JPMorgan|Morgan Stanley|Citigroup|HSBC|
    Standard Chartered|Moody's|Fitch Ratings|Vinhomes|Vincom|Novaland|Sun Group|Thế Giới Di Động|
    Bách Hóa Xanh|VPBank|ACB|SHB|TPBank|HDBank|SeABank|Eximbank|Vietlott|Vinaphone|Trung Nguyên|
    TH True Milk|Coteccons|Bkav|VNG|MoMo|ZaloPay|VNPay"""
)
WORLD_BODIES = frozenset(WORLD_OUTLETS + WORLD_JOURNALS + WORLD_SCHOOLS_AND_LEAGUES + WORLD_FIRMS)
