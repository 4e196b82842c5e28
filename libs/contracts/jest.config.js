const { serverProject } = require('../../jest.shared');

module.exports = serverProject('contracts', __dirname);
