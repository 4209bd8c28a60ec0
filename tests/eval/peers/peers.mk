# Makefile fragment for the peer baselines (not included by Makefile.am yet).
# Use:  include $(srcdir)/tests/eval/peers/peers.mk   then  make eval-peers
# Builds the CLD2/Hunspell labeller and prints its figures on tests/eval/mt
# (thresholds chosen on dev, reported on test). Fails with a clear message when
# libcld2-dev or libhunspell-dev is missing (see peers/build.sh).
PEERS_DIR = $(srcdir)/tests/eval/peers
cld2-label: $(PEERS_DIR)/cld2-label.cc
	sh $(PEERS_DIR)/build.sh ./cld2-label
eval-peers: cld2-label
	python3 $(PEERS_DIR)/run_peers.py ./cld2-label $(srcdir)
.PHONY: eval-peers
