"""aduan: an event-driven pipeline for public complaints.

A complaint's path, top-down:
    producers (web, sms, social, email)  ->  complaints.raw.<channel>
    streams.app (faust worker)           ->  complaints.routed / complaints.duplicates
    consumers.sinks.indexer                    ->  Elasticsearch alias ``aduan-complaints``
    consumers.read.search / aduan.api         ->  search hits for people
"""
